package org.margin.privacy.pii;

/** Where a recognizer reports what it found. */
@FunctionalInterface
public interface FindingSink {

    void accept(Finding finding);
}
