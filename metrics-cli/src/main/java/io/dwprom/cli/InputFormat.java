package io.dwprom.cli;

import io.dwprom.scrape.source.ScrapeFormat;

/** The {@code --input-format} of files and stdin: detected, or given. */
enum InputFormat {
    auto(null), text(ScrapeFormat.TEXT), protobuf(ScrapeFormat.PROTOBUF);

    private final ScrapeFormat format;

    InputFormat(ScrapeFormat format) {
        this.format = format;
    }

    /** The format to read, or {@code null} to detect it from the name and the first bytes. */
    ScrapeFormat format() {
        return format;
    }
}
