package org.margin.e2e.leak;

/**
 * A planted value found where it must not be.
 *
 * @param source  the capture source's name
 * @param capture the index of the capture within its source
 * @param offset  where in that capture the form was found
 * @param planted the planted value
 * @param form    the form it was found in (the value, a part of it, its digits)
 */
public record Leak(String source, int capture, int offset, PlantedValue planted, String form) {

    @Override
    public String toString() {
        return planted.kind() + " as '" + form + "' in " + source + "[" + capture + "] at " + offset;
    }
}
