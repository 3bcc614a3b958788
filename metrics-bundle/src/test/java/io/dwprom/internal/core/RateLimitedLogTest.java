package io.dwprom.internal.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedLogTest {

    @Test
    void theFirstFailurePerKeyIsLoggedAndRepeatsWithinTheIntervalAreNot() {
        RateLimitedLog log = new RateLimitedLog(1, TimeUnit.HOURS);

        assertThat(log.shouldLog("http")).isTrue();
        assertThat(log.shouldLog("http")).isFalse();
        assertThat(log.shouldLog("db")).isTrue();
        assertThat(log.shouldLog("http")).isFalse();
    }

    @Test
    void afterTheIntervalTheNextFailureIsLoggedAgain() throws InterruptedException {
        RateLimitedLog log = new RateLimitedLog(20, TimeUnit.MILLISECONDS);

        assertThat(log.shouldLog("scrape")).isTrue();
        Thread.sleep(60);
        assertThat(log.shouldLog("scrape")).isTrue();
    }
}
