package dev.vitrine.sys;

import java.util.ArrayList;
import java.util.List;

/**
 * A System V message queue (Linux's msg_queue): typed messages in arrival order, at most
 * msg_qbytes bytes (and as many messages) queued. Senders waiting for room and receivers
 * waiting for a message both sleep on the queue; every change wakes them to try again.
 */
final class MsgQueue extends IpcObject {
    record Msg(long type, byte[] text) {}

    final List<Msg> messages = new ArrayList<>();
    long bytes, qbytes;
    long stime, rtime, ctime;
    int lspid, lrpid;

    /** {@code qbytes}: msgmnb when it is made. */
    MsgQueue(int key, int mode, dev.vitrine.abi.Cred c, long now, long qbytes) {
        super(key, mode, c);
        ctime = now;
        this.qbytes = qbytes;
    }

    /** msg_fits_inqueue. */
    boolean fits(long size) { return bytes + size <= qbytes && 1 + messages.size() <= qbytes; }

    /** Bytes Linux's struct msg_msg and its text take. */
    static long bytes(Msg m) { return 48 + m.text().length; }

    static final int SEARCH_ANY = 1, SEARCH_EQUAL = 2, SEARCH_NOTEQUAL = 3, SEARCH_LESSEQUAL = 4, SEARCH_NUMBER = 5;

    /** find_msg: the index of the message {@code mode} picks for {@code type}, or -1. */
    int find(long type, int mode) {
        int found = -1, count = 0;
        for (int i = 0; i < messages.size(); i++) {
            long t = messages.get(i).type();
            boolean ok = switch (mode) {
                case SEARCH_ANY, SEARCH_NUMBER -> true;
                case SEARCH_EQUAL -> t == type;
                case SEARCH_NOTEQUAL -> t != type;
                default -> t <= type;
            };
            if (!ok) continue;
            if (mode == SEARCH_LESSEQUAL && t != 1) {
                type = t - 1;
                found = i;
            } else if (mode == SEARCH_NUMBER) {
                if (type == count) return i;
            } else return i;
            count++;
        }
        return found;
    }
}
