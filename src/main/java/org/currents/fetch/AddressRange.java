package org.currents.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An address or CIDR range from {@code fetch.allow}. Parsed strictly: {@code InetAddress}
 * would read {@code 999} as 0.0.3.231 and send {@code 10.0.0.300} to DNS, so only text that is
 * certainly a literal is handed to it.
 */
record AddressRange(byte[] network, int prefix) {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Hex digits, colons and dots (for a trailing IPv4 part), with a colon: never a host name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:][0-9a-f:.]*");

    /** True when the entry is written as an address or range, not as a host name. */
    static boolean isAddress(String entry) {
        String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
        return address.matches("[0-9.]+") || address.contains(":") || address.startsWith("[");
    }

    /** Parses a lower-case entry for which {@link #isAddress} holds. */
    static AddressRange parse(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        byte[] network;
        if (IPV4.matcher(address).matches() || IPV6.matcher(address).matches() && address.contains(":")) {
            try {
                network = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw AddressGuard.badEntry(entry, "is not a valid IPv6 address");
            }
        } else {
            throw AddressGuard.badEntry(entry, address.matches("[0-9.]+")
                    ? "is not an IPv4 address (four numbers from 0 to 255, without leading zeros)"
                    : "is not an IPv4 or IPv6 address");
        }
        int bits = network.length * 8;
        if (slash < 0) {
            return new AddressRange(network, bits);
        }
        String length = entry.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
            throw AddressGuard.badEntry(entry, "needs a prefix length from 0 to " + bits + " after the /");
        }
        return new AddressRange(network, Integer.parseInt(length));
    }

    boolean contains(InetAddress address) {
        byte[] a = AddressGuard.unmapped(address).getAddress();
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
