package org.currents.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which addresses feeds may be fetched from: public unicast only, unless a host or
 * range is explicitly allowed ({@code fetch.allow}). Refuses loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, unique-local, multicast and unspecified addresses, and
 * judges an IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4, Teredo) by the IPv4
 * address inside, so a feed cannot make us reach inside the network.
 */
final class AddressGuard {
    private static final Pattern HOST_NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final List<String> hosts = new ArrayList<>();
    private final List<AddressRange> ranges = new ArrayList<>();
    private final boolean publicAddresses;

    /**
     * Reads the {@code fetch.allow} entries, refusing any that is not a host name, an address or
     * a CIDR range: a typo would otherwise allow nothing, or something else, without a word.
     */
    AddressGuard(List<String> allow) {
        this(allow, true);
    }

    /** With {@code publicAddresses} false ({@code fetch.public=false}) only what {@code allow} names passes. */
    AddressGuard(List<String> allow, boolean publicAddresses) {
        this.publicAddresses = publicAddresses;
        for (String entry : allow) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (AddressRange.isAddress(e)) {
                ranges.add(AddressRange.parse(e));
            } else if (e.contains("/")) {
                throw badEntry(e, "has a prefix length, which only an address can have");
            } else if (e.length() > 253 || !HOST_NAME.matcher(e).matches()) {
                throw badEntry(e, "is not a host name");
            } else {
                hosts.add(e);
            }
        }
    }

    static IllegalArgumentException badEntry(String entry, String problem) {
        return new IllegalArgumentException("fetch.allow: '" + entry + "' " + problem + " (write a host name, an address "
                + "or a CIDR range: feeds.internal, 10.0.0.5, 10.0.0.0/8, fd00::/8)");
    }

    /** True when {@code host} is allowed by name, whatever it resolves to. */
    boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean allows(InetAddress address) {
        for (AddressRange r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return publicAddresses && isPublic(address);
    }

    /**
     * Whether {@code host} may be looked up at all: always, unless public addresses are refused;
     * then only a host named in {@code fetch.allow}, an address literal or localhost, so that no
     * query for another name leaves the machine.
     */
    boolean mayResolve(String host) {
        return publicAddresses || allowsHost(host) || AddressRange.isAddress(host)
                || host.equalsIgnoreCase("localhost");
    }

    static boolean isPublic(InetAddress address) {
        List<Inet4Address> inside = EmbeddedIpv4.in(address);
        if (!inside.isEmpty()) {
            return inside.stream().allMatch(AddressGuard::isPublic);
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        // Only 2000::/3 is global unicast; the rest is local, multicast, reserved or for special uses.
        return (b[0] & 0xe0) == 0x20
                && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8); // documentation
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else the address itself. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }
}
