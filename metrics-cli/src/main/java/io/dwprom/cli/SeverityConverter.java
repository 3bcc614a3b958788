package io.dwprom.cli;

import io.dwprom.lint.rules.Severity;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a severity option: {@code info}, {@code warning} or {@code error}, in any case. */
final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
