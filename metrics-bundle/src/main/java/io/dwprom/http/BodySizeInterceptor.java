package io.dwprom.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Counts request and response body bytes as they stream through Jersey, so sizes are exact also for chunked or
 * streamed bodies with no Content-Length. Only requests observed by {@link JerseyRequestListener} are counted.
 */
public final class BodySizeInterceptor implements ReaderInterceptor, WriterInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        if (context.getProperty(JerseyRequestListener.IN_FLIGHT_PROPERTY) instanceof InFlightRequest inFlight) {
            context.setInputStream(new CountingInputStream(context.getInputStream(), inFlight));
        }
        return context.proceed();
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        if (context.getProperty(JerseyRequestListener.IN_FLIGHT_PROPERTY) instanceof InFlightRequest inFlight) {
            context.setOutputStream(new CountingOutputStream(context.getOutputStream(), inFlight));
        }
        context.proceed();
    }

    private static final class CountingInputStream extends FilterInputStream {

        private final InFlightRequest inFlight;

        CountingInputStream(InputStream in, InFlightRequest inFlight) {
            super(in);
            this.inFlight = inFlight;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                inFlight.addRequestBytes(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            if (count > 0) {
                inFlight.addRequestBytes(count);
            }
            return count;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            inFlight.addRequestBytes(skipped);
            return skipped;
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {

        private final InFlightRequest inFlight;

        CountingOutputStream(OutputStream out, InFlightRequest inFlight) {
            super(out);
            this.inFlight = inFlight;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            inFlight.addResponseBytes(1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            inFlight.addResponseBytes(length);
        }
    }
}
