package io.dwprom.demo.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy to one server, which a test can partition: {@link #partition()} cuts every forwarded
 * connection and then accepts new ones without ever forwarding or answering them, as a network that drops
 * packets does; {@link #heal()} closes those and forwards again. The server itself is never touched.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean partitioned;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Cuts every connection; new ones are accepted and left hanging. */
    void partition() {
        partitioned = true;
        closeAll();
    }

    /** Closes the hanging connections; new ones are forwarded. */
    void heal() {
        partitioned = false;
        closeAll();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeAll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (!partitioned) {
                    forward(client);
                }
            } catch (IOException e) {
                // the listener closed, or one connection failed: the loop's condition decides
            }
        }
    }

    private void forward(Socket client) throws IOException {
        Socket server = new Socket(targetHost, targetPort);
        open.add(server);
        daemon("proxy-up", () -> pump(client, server));
        daemon("proxy-down", () -> pump(server, client));
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
