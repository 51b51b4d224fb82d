package dev.vitrine.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A mounted host file's bytes, read and written through to the host (never following host symlinks). */
public final class HostStore implements Store {
    private final Path path;

    public HostStore(Path path) { this.path = path; }

    @Override public long size() {
        try {
            return java.nio.file.Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override public int read(long pos, byte[] dst, int off, int len) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            int done = 0;
            while (done < len) {
                int n = ch.read(ByteBuffer.wrap(dst, off + done, len - done), pos + done);
                if (n <= 0) break;
                done += n;
            }
            return done;
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
    }

    @Override public void write(long pos, byte[] src, int off, int len) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = ByteBuffer.wrap(src, off, len);
            long p = pos;
            while (b.hasRemaining()) p += ch.write(b, p);
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
    }

    @Override public void truncate(long size) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            if (size < ch.size()) ch.truncate(size);
            else if (size > ch.size()) ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
    }
}
