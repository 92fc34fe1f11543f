package org.currents.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which addresses feeds may be fetched from: public unicast only, unless a host or
 * range is explicitly allowed ({@code fetch.allow}). Refuses loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, unique-local, multicast and unspecified addresses, and
 * judges an IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4, Teredo) by the IPv4
 * address inside, so a feed cannot make us reach inside the network.
 */
final class AddressGuard {
    private final List<String> hosts = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();

    AddressGuard(List<String> allow) {
        for (String entry : allow) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            Range range = Range.parse(e);
            if (range != null) {
                ranges.add(range);
            } else {
                hosts.add(e);
            }
        }
    }

    /** True when {@code host} is allowed by name, whatever it resolves to. */
    boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    boolean allows(InetAddress address) {
        for (Range r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return isPublic(address);
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

    /** An address range in CIDR notation, or a single literal address. */
    record Range(byte[] network, int prefix) {
        static Range parse(String text) {
            int slash = text.indexOf('/');
            String addr = slash < 0 ? text : text.substring(0, slash);
            if (!addr.matches("[0-9.]+") && !addr.contains(":")) {
                return null; // a host name
            }
            try {
                byte[] net = InetAddress.getByName(addr.replace("[", "").replace("]", "")).getAddress();
                int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > net.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in '" + text + "'");
                }
                return new Range(net, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("fetch.allow: '" + text + "' is not an address or range", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = unmapped(address).getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
