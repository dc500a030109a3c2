package org.medkg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.sys.Names;

/**
 * The store is held by another process: TDB2 lets one process at a time open a store, and the process that holds it
 * writes its id into the store's lock file. So a {@code load} while {@code serve} runs on the same folder cannot
 * proceed. Not an internal error: the user picked a busy store, and is told in one line what to do instead.
 */
public final class StoreInUseException extends RuntimeException {

    private StoreInUseException(Path dir, long holder, Throwable cause) {
        super(dir + ": another medkg process (pid " + holder + ") uses this store; stop it first, or reach the "
                + "running server over HTTP (--endpoint)", cause);
    }

    /** Runs {@code open} on the store in {@code dir}, telling a store locked by another live process as such. */
    public static <T> T whenFree(Path dir, Supplier<T> open) {
        try {
            return open.get();
        } catch (DBOpEnvException e) {
            Optional<Long> holder = otherHolder(dir);
            if (holder.isPresent()) {
                throw new StoreInUseException(dir, holder.get(), e);
            }
            throw e;
        }
    }

    /** The live process, other than this one, whose id the store's lock file holds. */
    private static Optional<Long> otherHolder(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(Names.TDB_LOCK_FILE), StandardCharsets.US_ASCII)
                    .strip());
            boolean other = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false);
            return other ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException noHolder) {
            return Optional.empty();
        }
    }
}
