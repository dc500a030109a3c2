package org.medkg.cli;

/** What the exit status of a medkg command means. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The work went on, but some inputs could not be used (each was named on stderr). */
    public static final int SOME_INPUTS_FAILED = 1;
    /**
     * The command line itself was wrong (picocli's usage errors), a file it names is unusable (--gazetteer), or the
     * store it names is in use by another process.
     */
    public static final int USAGE = 2;
    /** The graph does not conform to the SHACL shapes. */
    public static final int INVALID_GRAPH = 3;
    /**
     * The work needed more memory than the JVM's heap (said on stderr with the heap's size); what was stored before
     * stays as it was.
     */
    public static final int OUT_OF_MEMORY = 4;
    /** An unexpected failure inside medkg. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
