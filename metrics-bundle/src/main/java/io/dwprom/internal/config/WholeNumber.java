package io.dwprom.internal.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * Reads an {@code int} configuration key from a whole number only. Jackson would otherwise turn {@code 2.5} into
 * {@code 2} without a word; this deserializer refuses it, so that the start-up fails naming the key. It is put on
 * the keys themselves rather than on the application's {@code ObjectMapper}, which the bundle does not own.
 */
public final class WholeNumber extends StdDeserializer<Integer> {

    public WholeNumber() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        if (token == JsonToken.VALUE_STRING && parser.getText().trim().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(parser.getText().trim());
        }
        throw InvalidFormatException.from(parser, "must be a whole number from " + Integer.MIN_VALUE + " to "
                + Integer.MAX_VALUE + ", not '" + parser.getText() + "'", parser.getText(), Integer.class);
    }
}
