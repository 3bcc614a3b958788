package io.dwprom.lint.config;

import java.io.IOException;

/**
 * An unreadable or invalid configuration file. The message is one line: control characters in it (a YAML key or
 * value quoted in it may hold a line break) are written as escapes such as {@code \n}.
 */
public final class ConfigException extends IOException {
    public ConfigException(String message) {
        super(oneLine(message));
    }

    private static String oneLine(String message) {
        StringBuilder line = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }
}
