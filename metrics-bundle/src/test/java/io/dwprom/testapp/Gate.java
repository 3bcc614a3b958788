package io.dwprom.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test hold a request inside its resource method and release it. */
public final class Gate {

    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch open = new CountDownLatch(1);

    void enterAndWait() throws InterruptedException {
        entered.countDown();
        if (!open.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
    }

    /** Waits until a request is inside. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no request entered");
        }
    }

    /** Releases the waiting request and re-arms the gate. */
    public void open() {
        CountDownLatch releasing = open;
        entered = new CountDownLatch(1);
        open = new CountDownLatch(1);
        releasing.countDown();
    }
}
