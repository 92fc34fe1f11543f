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
}
