package org.currents.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // literals only: no DNS lookup
    }

    @Test
    void refusesPrivateLoopbackLinkLocalAndReservedAddresses() throws Exception {
        AddressGuard guard = new AddressGuard(List.of());
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2001:db8::1")) {
            assertFalse(guard.allows(ip(a)), a);
        }
    }

    @Test
    void letsPublicAddressesThrough() throws Exception {
        AddressGuard guard = new AddressGuard(List.of());
        for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8")) {
            assertTrue(guard.allows(ip(a)), a);
        }
    }

    @Test
    void withPublicAddressesRefusedOnlyWhatAllowNamesPassesAndNoOtherNameIsLookedUp() throws Exception {
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1", "feeds.internal"), false);
        assertTrue(guard.allows(InetAddress.getByName("127.0.0.1")));
        assertFalse(guard.allows(InetAddress.getByName("93.184.216.34")), "a public address");
        assertFalse(guard.allows(InetAddress.getByName("10.0.0.1")));
        assertTrue(guard.mayResolve("feeds.internal"));
        assertTrue(guard.mayResolve("localhost"));
        assertTrue(guard.mayResolve("93.184.216.34"), "a literal needs no lookup; allows() refuses it");
        assertFalse(guard.mayResolve("images.example.com"), "no DNS query for a name nobody allowed");
        assertTrue(new AddressGuard(List.of()).mayResolve("images.example.com"), "by default any name is looked up");
    }

    @Test
    void judgesAddressesThatEmbedIpv4ByTheEmbeddedAddress() throws Exception {
        AddressGuard guard = new AddressGuard(List.of());
        for (String a : List.of(
                "2002:7f00:0001::", "2002:a9fe:a9fe::1", "2002:c0a8:0101::", // 6to4 of 127.0.0.1, metadata, 192.168.1.1
                "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::10.1.2.3", // NAT64 well-known prefix
                "::127.0.0.1", "::169.254.169.254", "::10.0.0.1", // IPv4-compatible
                "::ffff:169.254.169.254", // IPv4-mapped
                "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo, client 127.0.0.1 (stored inverted)
                "2001:0:a00:1:8000:63bf:f7f7:f7f7")) { // Teredo, server 10.0.0.1
            assertFalse(guard.allows(ip(a)), a);
        }
        for (String a : List.of("2002:808:808::1", "64:ff9b::808:808", "::8.8.8.8",
                "2001:0:4136:e378:8000:63bf:f7f7:f7f7")) { // Teredo, server 65.54.227.120, client 8.8.8.8
            assertTrue(guard.allows(ip(a)), a);
        }
    }

    @Test
    void refusesIpv6OutsideGlobalUnicast() throws Exception {
        AddressGuard guard = new AddressGuard(List.of());
        for (String a : List.of("100::1", "4000::1", "64:ff9b:1::808:808", "fec0::1", "ff02::1")) {
            assertFalse(guard.allows(ip(a)), a);
        }
    }

    @Test
    void allowsConfiguredHostsAndRanges() throws Exception {
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8", "feeds.internal"));
        assertTrue(guard.allows(ip("127.0.0.1")));
        assertFalse(guard.allows(ip("127.0.0.2")));
        assertTrue(guard.allows(ip("10.200.1.1")));
        assertTrue(guard.allows(ip("fd00::5")));
        assertTrue(guard.allowsHost("FEEDS.internal"));
        assertFalse(guard.allowsHost("other.internal"));
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of("10.0.0.0/40")));
    }

    @Test
    void rejectsMalformedAllowEntriesWithAMessageNamingThem() {
        // Entries once taken silently come first; none of these may reach DNS.
        for (String bad : List.of("999", "1.2.3", "010.0.0.1", "feeds.internal/24", "*.example.com", "-feeds.internal",
                "feeds..internal", "feeds internal", "10.0.0.300", "1.2.3.4.5", "10.0.0.0/40", "10.0.0.0/", "10.0.0.0/8x",
                "10.0.0.0/-1", "fd00::/129", "fd00::zz", "fe80::1%eth0", "feeds.internal:8080", "http://feeds.internal",
                "[fd00::1", ".:")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of(bad)),
                    bad);
            assertTrue(e.getMessage().startsWith("fetch.allow: '" + bad + "' "), e.getMessage());
        }
    }

    @Test
    void acceptsWellFormedAllowEntries() throws Exception {
        AddressGuard guard = new AddressGuard(List.of(" Feeds.Internal ", "localhost", "my_feeds-1.lan", "10.0.0.5",
                "192.168.0.0/16", "0.0.0.0/0", "fd00::/8", "[fd00::1]", "::1", ""));
        assertTrue(guard.allowsHost("feeds.internal"));
        assertTrue(guard.allowsHost("my_feeds-1.lan"));
        assertTrue(guard.allows(ip("192.168.7.7")));
        assertTrue(guard.allows(ip("::1")));
    }
}
