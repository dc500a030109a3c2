package org.medkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * How many bytes a TDB2 generation of files ({@code Data-NNNN}) holds, garbage included: the blocks its B+trees have
 * allocated and the length of its node data. Cheap at any size (a few small files are read), and exact where the
 * files' lengths are not: TDB2 grows its files by 8 MB at a time and leaves them sparse.
 */
final class StoreSize {

    /** A B+tree's state file (TDB2's BPTStateMgr): its root, then how many blocks its node file and its record file have allocated. */
    private static final String TREE_STATE = ".bpt";
    private static final String OBJECT_FILE = "-data.obj";
    private static final int TREE_STATE_BYTES = 3 * Long.BYTES;

    private StoreSize() {
    }

    /** The bytes in use in {@code generation}, the folder of TDB2's current files. */
    static long inUse(Path generation) {
        long bytes = 0;
        try (Stream<Path> files = Files.list(generation)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(TREE_STATE)) {
                    bytes += treeBlocks(file) * SystemTDB.BlockSize;
                } else if (name.endsWith(OBJECT_FILE)) {
                    bytes += Files.size(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure the store files in " + generation, e);
        }
        return bytes;
    }

    private static long treeBlocks(Path state) throws IOException {
        byte[] bytes = Files.readAllBytes(state);
        if (bytes.length < TREE_STATE_BYTES) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.getLong();
        return buffer.getLong() + buffer.getLong();
    }
}
