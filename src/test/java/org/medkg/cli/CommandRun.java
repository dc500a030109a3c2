package org.medkg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A medkg command run in-process, as a user runs it, with what it printed and its exit status. */
record CommandRun(int status, String out, String err) {

    static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Medkg.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}
