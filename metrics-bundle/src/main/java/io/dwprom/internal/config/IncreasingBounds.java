package io.dwprom.internal.config;

import io.dwprom.internal.core.Buckets;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A list of histogram bucket bounds: present, not empty, every bound a finite positive number, strictly
 * increasing. Put on each list, so that the violation names the key that holds it.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IncreasingBounds.Validator.class)
public @interface IncreasingBounds {

    String message() default "must be a non-empty list of finite positive numbers, strictly increasing";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a list of bounds; null and empty lists are refused too (no bounds are no histogram). */
    final class Validator implements ConstraintValidator<IncreasingBounds, List<Double>> {

        @Override
        public boolean isValid(List<Double> bounds, ConstraintValidatorContext context) {
            return bounds != null && !bounds.isEmpty() && Buckets.isPositiveAndIncreasing(bounds);
        }
    }
}
