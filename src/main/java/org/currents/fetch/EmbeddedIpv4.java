package org.currents.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries by a standard transition scheme: IPv4-mapped
 * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}),
 * 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}, server and client). Traffic to such an
 * address can end up at the IPv4 address inside, so that is the address to judge.
 */
final class EmbeddedIpv4 {
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private EmbeddedIpv4() {
    }

    /** The IPv4 addresses inside {@code address}; empty when it is IPv4 or carries none. */
    static List<Inet4Address> in(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return List.of();
        }
        byte[] b = address.getAddress();
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return List.of(v4(b, 12, false));
        }
        if (zero(b, 0, 12)) {
            return List.of(v4(b, 12, false));
        }
        if (startsWith(b, NAT64)) {
            return List.of(v4(b, 12, false));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return List.of(v4(b, 2, false));
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo stores the client's address with every bit inverted.
            return List.of(v4(b, 4, false), v4(b, 12, true));
        }
        return List.of();
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address v4(byte[] b, int at, boolean inverted) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) {
            four[i] = (byte) (inverted ? ~b[at + i] : b[at + i]);
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
