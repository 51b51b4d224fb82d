package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

import java.util.ArrayDeque;
import java.util.List;

/**
 * An AF_UNIX socket (net/unix/af_unix.c). A connected stream socket reads from a {@link Pipe}
 * its peer writes into, and writes into the peer's: the bytes are kernel pages of the machine,
 * as a pipe's, and closing or shutting down a side is closing that pipe end, so end of file,
 * EPIPE and SIGPIPE come as for pipes. Descriptors sent with SCM_RIGHTS ride beside the
 * bytes, at the stream position where their message began. Datagram and seqpacket sockets
 * queue whole messages ({@link UnixMessages}). A listening socket keeps the connections not
 * yet accepted, at most its backlog (SOMAXCONN 4096). Every socket of the pair, its peer and
 * the listener wake each other through their own channels, which epoll and poll watch.
 */
public final class UnixSocket implements File {
    public static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_SEQPACKET = 5;
    public static final int SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2;
    public static final int SOMAXCONN = 4096;
    /** wmem_default: SO_SNDBUF and SO_RCVBUF of a new socket. */
    public static final int DEFAULT_BUF = 212992;
    public static final long SOCKFS_DEV = Stat.makedev(0, 0x8);

    public enum State { UNCONNECTED, LISTENING, CONNECTED }

    /** Who made the socket or connected it: what SO_PEERCRED tells the peer. */
    public record Cred(int pid, int uid, int gid) {}

    /** Descriptors in flight: sent, not yet received. */
    public record Rights(long at, List<FileDescription> files) {}

    private final Vfs vfs;
    private final int type;
    private final Stat stat;
    private State state = State.UNCONNECTED;
    private UnixSocket peer;
    /** The bound address as getsockname returns it (family and name), or null. */
    private byte[] address;
    private SocketNode node;
    private Cred cred, peerCred;
    /** Stream: what the peer sends (we read), what we send (the peer's {@code in}). */
    private Pipe in, out;
    private long received, sent;
    private final ArrayDeque<Rights> rights = new ArrayDeque<>();
    /** Datagram and seqpacket receive queue. */
    final UnixMessages messages;
    private final ArrayDeque<UnixSocket> backlog = new ArrayDeque<>();
    private int backlogMax;
    private boolean shutRead, shutWrite, peerShutWrite, closed, passcred;
    /** Options kept but not acted on (SO_REUSEADDR, SO_KEEPALIVE, SO_LINGER, timeouts...): getsockopt shows them back. */
    public final java.util.Map<Integer, byte[]> options = new java.util.HashMap<>();
    int sndbuf = DEFAULT_BUF, rcvbuf = DEFAULT_BUF;

    public UnixSocket(Vfs vfs, int type, Cred cred) {
        this.vfs = vfs;
        this.type = type;
        this.cred = cred;
        long now = vfs.now();
        this.stat = new Stat(SOCKFS_DEV, vfs.nextIno(), Stat.S_IFSOCK | 0777, 1, cred.uid(), cred.gid(), 0, 0, 4096, 0, now, now, now);
        this.messages = type == SOCK_STREAM ? null : new UnixMessages(vfs.pipeBudget().pages());
    }

    public int type() { return type; }
    public State state() { return state; }
    public UnixSocket peer() { return peer; }
    public byte[] address() { return address; }
    public Cred peerCred() { return peerCred; }
    public boolean isClosed() { return closed; }
    public boolean passcred() { return passcred; }
    public void setPasscred(boolean on) { passcred = on; }
    public int sndbuf() { return sndbuf; }
    public int rcvbuf() { return rcvbuf; }
    public void setSndbuf(int v) { sndbuf = v; }
    public void setRcvbuf(int v) { rcvbuf = v; }
    public boolean connectionOriented() { return type != SOCK_DGRAM; }

    /** Wakes whoever waits on this socket or watches it. */
    void wake() { vfs.wakeup().wakeup(this); }

    /** sock_def_readable's and sock_def_write_space's keyed wakeups: only watchers of those events are told. */
    void wake(int events) { vfs.wakeup().wakeup(this, events); }

    private static final int READABLE = Poll.POLLIN | Poll.POLLPRI | Poll.POLLRDNORM | Poll.POLLRDBAND,
            WRITABLE = Poll.POLLOUT | Poll.POLLWRNORM | Poll.POLLWRBAND;

    /**
     * The wakeups of the pipe {@code reader} reads and {@code writer} writes: data that comes
     * wakes the reader's socket, room that comes the writer's, a hang-up (no events named) both.
     */
    private static Wakeup sides(UnixSocket reader, UnixSocket writer) {
        return new Wakeup() {
            @Override public void wakeup(Object channel) { reader.wake(); writer.wake(); }

            @Override public void wakeup(Object channel, int events) {
                if (events == 0) { wakeup(channel); return; }
                if ((events & (Poll.POLLIN | Poll.POLLRDNORM)) != 0) reader.wake(READABLE);
                if ((events & (Poll.POLLOUT | Poll.POLLWRNORM)) != 0) writer.wake(WRITABLE);
            }
        };
    }

    /** socketpair: two sockets connected to each other, each seeing the other's credentials. */
    public static UnixSocket[] pair(Vfs vfs, int type, Cred cred) {
        UnixSocket a = new UnixSocket(vfs, type, cred), b = new UnixSocket(vfs, type, cred);
        connect(a, b);
        return new UnixSocket[] {a, b};
    }

    private static void connect(UnixSocket a, UnixSocket b) {
        a.peer = b;
        b.peer = a;
        a.peerCred = b.cred;
        b.peerCred = a.cred;
        a.state = b.state = State.CONNECTED;
        if (a.type == SOCK_STREAM) {
            a.in = new Pipe(sides(a, b), a.vfs.pipeBudget());
            b.in = new Pipe(sides(b, a), a.vfs.pipeBudget());
            a.in.openEnd(true, true);
            b.in.openEnd(true, true);
            a.out = b.in;
            b.out = a.in;
        }
    }

    // ---- names

    /** bind: the address is taken (EINVAL if already bound); a path name becomes a socket inode in {@code dir}. */
    public void bindAbstract(byte[] addr) {
        if (address != null) throw new FsException(Errno.EINVAL);
        String key = new String(addr, 2, addr.length - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
        UnixSocket old = vfs.abstractSockets().get(key);
        if (old != null && !old.closed) throw new FsException(Errno.EADDRINUSE);
        vfs.abstractSockets().put(key, this);
        address = addr;
    }

    public void bindPath(byte[] addr, Dir dir, String name, int perm) {
        if (address != null) throw new FsException(Errno.EINVAL);
        if (dir.lookup(name) != null) throw new FsException(Errno.EADDRINUSE);
        if (!(dir instanceof MemDir)) throw new FsException(Errno.EPERM);   // no socket files on a host mount
        SocketNode n = new SocketNode(vfs, dir.dev(), perm, this);
        dir.add(name, n);
        node = n;
        address = addr;
    }

    /** The abstract socket named by {@code addr} (family and the name after its NUL), or null. */
    public static UnixSocket lookupAbstract(Vfs vfs, byte[] addr) {
        UnixSocket s = vfs.abstractSockets().get(new String(addr, 2, addr.length - 2, java.nio.charset.StandardCharsets.ISO_8859_1));
        return s == null || s.closed ? null : s;
    }

    /** The socket bound to a socket inode; ECONNREFUSED when the name is not a live socket's. */
    public static UnixSocket lookupNode(Inode i) {
        if (!(i instanceof SocketNode n)) throw new FsException(Errno.ECONNREFUSED);
        UnixSocket s = n.bound();
        if (s == null) throw new FsException(Errno.ECONNREFUSED);
        return s;
    }

    // ---- connection

    public long listen(int n) {
        if (type == SOCK_DGRAM) return -Errno.EOPNOTSUPP;
        if (address == null || state == State.CONNECTED) return -Errno.EINVAL;
        backlogMax = Math.min(Math.max(n, 0), SOMAXCONN);
        if (state != State.LISTENING) state = State.LISTENING;
        wake();
        return 0;
    }

    /**
     * A stream or seqpacket connect to {@code server}: a new socket for the server's side joins
     * its backlog and this one is connected at once, as unix_stream_connect does; -EAGAIN when
     * the backlog is full.
     */
    public long connectTo(UnixSocket server, Cred me) {
        if (state == State.CONNECTED) return -Errno.EISCONN;
        if (state == State.LISTENING) return -Errno.EINVAL;
        if (server.type != type) return -Errno.EPROTOTYPE;
        if (server.state != State.LISTENING) return -Errno.ECONNREFUSED;
        if (server.backlog.size() > server.backlogMax) return -Errno.EAGAIN;
        cred = me;
        UnixSocket embryo = new UnixSocket(vfs, type, server.cred);
        embryo.address = server.address;
        connect(this, embryo);
        server.backlog.add(embryo);
        server.wake(READABLE);   // the listener's sk_data_ready: one EPOLLEXCLUSIVE waiter takes it
        return 0;
    }

    /** A datagram socket's default peer (connect on SOCK_DGRAM); null disconnects. */
    public long setPeer(UnixSocket other) {
        if (other != null && other.type != type) return -Errno.EPROTOTYPE;
        peer = other;
        state = other == null ? State.UNCONNECTED : State.CONNECTED;
        wake();
        return 0;
    }

    /** Where a connect waits for room in this listener's backlog (Linux's peer_wait, apart from the socket's own queue). */
    private final Object peerWait = new Object();
    public Object peerWait() { return peerWait; }

    /**
     * The next connection of a listening socket; throws EAGAIN if none yet, EINVAL if not
     * listening. Room in the backlog wakes the connects waiting for it, not the listener's
     * watchers: nothing it had became ready.
     */
    public UnixSocket accept() {
        if (state != State.LISTENING) throw new FsException(Errno.EINVAL);
        UnixSocket s = backlog.poll();
        if (s == null) throw new FsException(Errno.EAGAIN);
        vfs.wakeup().wakeup(peerWait);
        return s;
    }

    public long shutdown(int how) {
        if (state != State.CONNECTED && type != SOCK_DGRAM) return -Errno.ENOTCONN;
        boolean rd = how == SHUT_RD || how == SHUT_RDWR, wr = how == SHUT_WR || how == SHUT_RDWR;
        if (rd && !shutRead) {
            shutRead = true;
            if (in != null) in.closeEnd(true, false);
            if (peer != null && peer.type != SOCK_DGRAM) peer.peerShutRead();
        }
        if (wr && !shutWrite) {
            shutWrite = true;
            if (out != null) out.closeEnd(false, true);
            if (peer != null && peer.type != SOCK_DGRAM) peer.peerShutWrite = true;
        }
        wake();
        if (peer != null) peer.wake();
        return 0;
    }

    /** The peer shut its reading side: our sends fail with EPIPE (a message socket's queue says so). */
    private void peerShutRead() { if (messages != null) messages.refuse(); }

    // ---- data

    /** A stream's bytes in; {@code files} ride along from this write's first byte. */
    public long send(Pipe.Source src, int len, boolean resumed, List<FileDescription> files) {
        if (state != State.CONNECTED) return -Errno.ENOTCONN;
        if (shutWrite) return -Errno.EPIPE;
        long r = out.pipewrite(src, len, resumed);
        if (r > 0 && files != null) {
            peer.rights.add(new Rights(sent, files));
            peer.wake();
        } else if (files != null) {
            for (FileDescription f : files) f.release();
        }
        if (r > 0) sent += r;
        return r;
    }

    /**
     * A stream's bytes out (0 at end of file, -EAGAIN when there is nothing yet), and the
     * descriptors sent with them into {@code got} (null: they are closed, as read(2) does).
     */
    public long receive(Pipe.Sink dst, int len, List<FileDescription> got) {
        if (state == State.LISTENING) return -Errno.EINVAL;
        if (in == null) return 0;
        if (shutRead) return 0;
        long r = in.piperead(dst, len);
        if (r > 0) {
            received += r;
            while (!rights.isEmpty() && rights.peek().at() < received) {
                Rights x = rights.poll();
                if (got != null) got.addAll(x.files());
                else x.files().forEach(FileDescription::release);
            }
        }
        return r;
    }

    // ---- File

    /** A datagram or record as recvmsg gets it: its bytes, the descriptors sent with it, the sender's address. */
    public record Received(byte[] data, List<FileDescription> files, byte[] from) {}

    /** The next message (left queued with {@code peek}, and then without its descriptors); null if none. */
    public Received takeMessage(boolean peek) {
        if (shutRead) return null;
        UnixMessages.Message m = messages.take(peek);
        if (m == null) return null;
        byte[] d = new byte[m.length()];
        messages.copy(m, 0, d, 0, d.length);
        if (peek) return new Received(d, List.of(), m.fromAddr());
        messages.free(m);
        return new Received(d, m.files(), m.fromAddr());
    }

    /** A message socket reads end of file: shut for reading, or its seqpacket peer gone with nothing left. */
    public boolean endOfMessages() { return shutRead || (messages.closed() && messages.isEmpty()); }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        if (messages != null) {
            Received m = takeMessage(false);
            if (m == null) {
                if (endOfMessages()) return 0;
                return type == SOCK_SEQPACKET && state != State.CONNECTED ? -Errno.ENOTCONN : -Errno.EAGAIN;
            }
            int n = Math.min(len, m.data().length);
            System.arraycopy(m.data(), 0, dst, off, n);
            m.files().forEach(FileDescription::release);
            return n;
        }
        return receive((at, src, srcOff, n) -> { System.arraycopy(src, srcOff, dst, off + (int) at, n); return true; }, len, null);
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        if (messages != null) {
            if (state != State.CONNECTED || peer == null) return -Errno.ENOTCONN;
            return sendMessage(peer, src, off, len, List.of(), null);
        }
        if (state != State.CONNECTED) return -Errno.ENOTCONN;
        return send((at, dst, dstOff, n) -> { System.arraycopy(src, off + (int) at, dst, dstOff, n); return true; }, len, false, null);
    }

    /** One datagram or seqpacket record to {@code to}: EMSGSIZE past the send buffer, -EAGAIN while it is full. */
    public long sendMessage(UnixSocket to, byte[] src, int off, int len, List<FileDescription> files, byte[] fromAddr) {
        if (shutWrite) return -Errno.EPIPE;
        if (to.closed || to.messages == null) return type == SOCK_DGRAM ? -Errno.ECONNREFUSED : -Errno.EPIPE;
        if (len > sndbuf - 32) return -Errno.EMSGSIZE;
        if (to.messages.refused()) return -Errno.EPIPE;
        if (type == SOCK_DGRAM && to.peer != null && to.peer != this) return -Errno.EPERM;   // the receiver talks only to its peer
        if (inFlight + len > sndbuf && inFlight > 0) return -Errno.EAGAIN;
        UnixMessages.Message m = to.messages.put(src, off, len, files, this, address != null ? address : fromAddr, cred);
        if (m == null) return -Errno.ENOBUFS;
        inFlight += m.length();
        to.wake(READABLE);
        return len;
    }

    /** Bytes of this socket's datagrams still queued at their receivers (sk_wmem_alloc). */
    long inFlight;

    @Override public boolean messages() { return type != SOCK_STREAM; }
    @Override public boolean pollable() { return true; }

    @Override public int poll() {
        int mask = 0;
        if (state == State.LISTENING) return backlog.isEmpty() ? 0 : Poll.POLLIN | Poll.POLLRDNORM;
        boolean rdhup = shutRead || peerShutWrite || (peer != null && peer.closed && connectionOriented());
        if (rdhup) mask |= Poll.POLLIN | Poll.POLLRDNORM | 0x2000;
        if ((shutRead && shutWrite) || (peer != null && peer.closed && connectionOriented())) mask |= Poll.POLLHUP;
        if (messages != null) {
            if (!messages.isEmpty()) mask |= Poll.POLLIN | Poll.POLLRDNORM;
            boolean writable = inFlight < sndbuf && !(connectionOriented() && state != State.CONNECTED);
            if (writable) mask |= Poll.POLLOUT | Poll.POLLWRNORM;
        } else {
            if (in != null && !in.empty()) mask |= Poll.POLLIN | Poll.POLLRDNORM;
            // unix_writable: a connected socket is writable unless its peer's buffer is full (a write to a gone peer is EPIPE)
            if (state == State.CONNECTED && (shutWrite || out.readers() == 0 || !out.full())) mask |= Poll.POLLOUT | Poll.POLLWRNORM;
            if (state == State.UNCONNECTED) mask |= Poll.POLLOUT | Poll.POLLWRNORM | Poll.POLLHUP;
        }
        return mask;
    }

    @Override public Object channel() { return this; }
    @Override public Stat stat() { return stat; }
    @Override public String describe() { return "a socket"; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        if (in != null && !shutRead) in.closeEnd(true, false);
        if (out != null && !shutWrite) out.closeEnd(false, true);
        for (Rights r : rights) r.files().forEach(FileDescription::release);
        rights.clear();
        if (messages != null) messages.clear();
        for (UnixSocket s : backlog) s.close();
        backlog.clear();
        if (node != null) node.unbind();
        if (peer != null) {
            if (peer.messages != null && connectionOriented()) peer.messages.closeWriter();
            peer.wake();
        }
        wake();
        vfs.wakeup().wakeup(peerWait);   // a connect waiting for room finds no listener now
    }

    /** A datagram the receiver took or dropped: the sender's buffer has room again. */
    void delivered(int len) { inFlight -= len; wake(WRITABLE); }
}
