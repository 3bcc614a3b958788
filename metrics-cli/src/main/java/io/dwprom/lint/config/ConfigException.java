package io.dwprom.lint.config;

import java.io.IOException;

/** An unreadable or invalid configuration file. */
public final class ConfigException extends IOException {
    public ConfigException(String message) {
        super(message);
    }
}
