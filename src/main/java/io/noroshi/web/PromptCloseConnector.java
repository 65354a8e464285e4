package io.noroshi.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's connector, except that a connection whose last response has been written ({@code Connection:
 * close}, asked by the reader or decided by the server) is closed at once when the reader has sent
 * nothing more, the way nginx does it. Jetty half-closes it instead: it shuts its output, waits for the
 * reader's FIN, reads it, then closes, and on the way throws three exceptions with stack traces
 * (a cancelled selection key, and "Parser is terminated" from parsing after the close). For readers
 * that open a connection per request that was half of the hub's CPU per request beyond nginx's.
 * When the reader did send more (a pipelined request, an unread body), Jetty's half-close stays, so
 * that the response is not lost to a reset.
 */
final class PromptCloseConnector extends ServerConnector {

    /** Jetty's selector tasks that never block (by name: the classes are private to Jetty). */
    private static final Set<String> INLINE_TASKS = Set.of(
            "org.eclipse.jetty.io.ManagedSelector$Accept", "org.eclipse.jetty.io.ManagedSelector$DestroyEndPoint");

    /**
     * One acceptor thread, not the selectors accepting themselves (acceptors 0): Jetty's selector-side
     * acceptor cannot pause at the connection cap. It cancels its key and registers again on the same
     * selector before the cancel is flushed, fails, and closes the listening socket.
     */
    PromptCloseConnector(Server server, ByteBufferPool buffers, int selectors, HttpConfiguration http, SnapshotHolder holder,
                         SnapshotHandler counts, AnswerFiles answers) {
        super(server, null, null, buffers, 1, selectors, new ReadPathFactory(new ConnectionFactory(http), holder, counts, answers));
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new InlineSelectorManager(executor, scheduler, selectors);
    }

    /**
     * Runs the selector's set-up of a new connection and its tear-down of a closed one on the thread
     * that asks for them instead of a pool thread: for HTTP/1.1 both only create or drop a few objects
     * and count the connection, and the hand-over woke a pool thread twice per connection.
     */
    private final class InlineSelectorManager extends ServerConnectorManager {

        InlineSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
            super(executor, scheduler, selectors);
        }

        @Override
        protected void execute(Runnable task) {
            if (INLINE_TASKS.contains(task.getClass().getName())) task.run();
            else super.execute(task);
        }
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        var endPoint = new PromptCloseEndPoint(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    /** A socket that closes instead of half-closing when nothing is left to read. */
    static final class PromptCloseEndPoint extends SocketChannelEndPoint {

        private volatile boolean closedAfterResponse;

        PromptCloseEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
        }

        @Override
        protected void doShutdownOutput() {
            if (nothingMoreToRead()) {
                closedAfterResponse = true;
                // Legal while shutting the output: Jetty's state machine finishes the close once this returns.
                close();
            } else {
                super.doShutdownOutput();
            }
        }

        /** One non-blocking read: nothing waiting (or the reader's FIN) means a close cannot reset the response. */
        private boolean nothingMoreToRead() {
            try {
                return getChannel().read(ByteBuffer.allocate(1)) <= 0;
            } catch (IOException e) {
                return true;
            }
        }

        /** Jetty asks to read again after the response on the connection it does not know is closed. */
        @Override
        protected void needsFillInterest() {
            if (getChannel().isOpen()) super.needsFillInterest();
        }

        /** The selector updates the keys of the sockets it served; a closed one's key is cancelled. */
        @Override
        public void updateKey() {
            if (getChannel().isOpen()) super.updateKey();
        }

        boolean closedAfterResponse() {
            return closedAfterResponse;
        }
    }

    /**
     * Jetty's HTTP/1.1 connection, which does not read again from a socket closed after its last response,
     * and does not answer a reader who left in the middle of a request.
     */
    private static final class PromptCloseHttpConnection extends HttpConnection {

        PromptCloseHttpConnection(HttpConfiguration http, Connector connector, EndPoint endPoint) {
            super(http, connector, endPoint);
        }

        /**
         * A request cut off by the reader's close or reset ("Early EOF") is closed without an answer, as
         * nginx does: there is nobody to read a 400. Jetty would write one from a pool thread, and when
         * no pool thread was free it started a new thread for each: 3,000 slow clients leaving at once
         * started about a thousand threads and kept the hub from answering for a second.
         */
        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void badMessage(HttpException failure) {
                    if (getParser().isAtEOF()) getEndPoint().close();
                    else super.badMessage(failure);
                }
            };
        }

        @Override
        public void onFillable() {
            // A response completed on another thread resumes the connection here; Jetty would read,
            // find the socket closed and throw "Parser is terminated" on its way out.
            if (getEndPoint() instanceof PromptCloseEndPoint endPoint && endPoint.closedAfterResponse()) return;
            super.onFillable();
        }
    }

    /** Every socket starts with {@link ReadPathConnection}, which hands it to Jetty's connection when it must. */
    private static final class ReadPathFactory extends AbstractConnectionFactory {

        private final HttpConnectionFactory jetty;
        private final SnapshotHolder holder;
        private final SnapshotHandler counts;
        private final AnswerFiles answers;

        ReadPathFactory(HttpConnectionFactory jetty, SnapshotHolder holder, SnapshotHandler counts, AnswerFiles answers) {
            super(jetty.getProtocol());
            this.jetty = jetty;
            this.holder = holder;
            this.counts = counts;
            this.answers = answers;
            addBean(jetty);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            var connection = new ReadPathConnection(endPoint, connector, jetty, holder, counts, answers, jetty.getInputBufferSize());
            return configure(connection, connector, endPoint);
        }
    }

    private static final class ConnectionFactory extends HttpConnectionFactory {

        ConnectionFactory(HttpConfiguration http) {
            super(http);
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            var connection = new PromptCloseHttpConnection(getHttpConfiguration(), connector, endPoint);
            connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
            return configure(connection, connector, endPoint);
        }
    }
}
