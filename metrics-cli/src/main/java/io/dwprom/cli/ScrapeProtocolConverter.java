package io.dwprom.cli;

import io.dwprom.scrape.source.ScrapeProtocol;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a scrape protocol as Prometheus' configuration names it, e.g. {@code PrometheusText0.0.4}. */
final class ScrapeProtocolConverter implements ITypeConverter<ScrapeProtocol> {
    @Override
    public ScrapeProtocol convert(String text) {
        ScrapeProtocol p = ScrapeProtocol.named(text.strip());
        if (p == null) {
            throw new TypeConversionException("unknown protocol \"" + text + "\" (use one of " + ScrapeProtocol.names() + ")");
        }
        return p;
    }
}
