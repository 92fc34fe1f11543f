package org.currents.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves host names for the HTTP client and refuses the connection when any address is not
 * allowed. The client connects to exactly the addresses checked here, so a name that changes
 * its answer between check and connect (DNS rebinding) cannot slip through.
 */
final class GuardedResolver implements SocketAddressResolver {
    private final AddressGuard guard;

    GuardedResolver(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        if (!guard.mayResolve(host)) {
            promise.failed(new AddressRefusedException(host + " is not in fetch.allow, and fetch.public=false refuses "
                    + "every other host"));
            return;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            List<InetSocketAddress> out = new ArrayList<>(all.length);
            boolean byName = guard.allowsHost(host);
            for (InetAddress a : all) {
                if (!byName && !guard.allows(a)) {
                    promise.failed(new AddressRefusedException(host + " resolves to " + a.getHostAddress()
                            + (AddressGuard.isPublic(a) ? ", a public address, and fetch.public=false"
                            : ", a private or reserved address (allow it with fetch.allow)")));
                    return;
                }
                out.add(new InetSocketAddress(a, port));
            }
            promise.succeeded(out);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }

    /** The guard refused every way to reach a host. */
    static final class AddressRefusedException extends Exception {
        AddressRefusedException(String message) {
            super(message);
        }
    }
}
