package io.dwprom.cli;

import io.dwprom.lint.rules.PromtoolVersion;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --promtool-version}; an unknown version is a usage error naming the known ones. */
final class PromtoolVersionConverter implements ITypeConverter<PromtoolVersion> {
    @Override
    public PromtoolVersion convert(String value) {
        try {
            return PromtoolVersion.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
