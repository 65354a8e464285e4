package io.noroshi.audit.network;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes one value of the MaxMind DB data section format (maps, strings, unsigned ints, pointers...). */
final class MaxMindDecoder {

    private final byte[] bytes;
    private final int pointerBase;
    private final Path file;
    private int position;

    MaxMindDecoder(byte[] bytes, int pointerBase, Path file) {
        this.bytes = bytes;
        this.pointerBase = pointerBase;
        this.file = file;
    }

    Object decode(int at) {
        position = at;
        return next();
    }

    private Object next() {
        int control = bytes[position++] & 0xff;
        int type = control >> 5;
        if (type == 1) return pointer(control);
        if (type == 0) type = 7 + (bytes[position++] & 0xff);
        int size = control & 0x1f;
        if (size == 29) size = 29 + unsigned(1);
        else if (size == 30) size = 285 + unsigned(2);
        else if (size == 31) size = 65821 + unsigned(3);
        return switch (type) {
            case 2 -> text(size);
            case 3 -> { double d = ByteBuffer.wrap(bytes, position, 8).getDouble(); position += 8; yield d; }
            case 4 -> { position += size; yield new byte[0]; }
            case 5, 6, 9 -> (long) unsignedLong(size);
            case 8 -> (int) unsignedLong(size);
            case 10 -> { position += size; yield 0L; }
            case 7 -> map(size);
            case 11 -> array(size);
            case 14 -> size != 0;
            case 15 -> { float f = ByteBuffer.wrap(bytes, position, 4).getFloat(); position += 4; yield f; }
            default -> throw new AsnDatabaseException(file + ": unsupported MaxMind data type " + type + " at byte " + (position - 1));
        };
    }

    private Object pointer(int control) {
        int sizeBits = (control >> 3) & 0x3;
        int high = control & 0x7;
        long target = switch (sizeBits) {
            case 0 -> ((long) high << 8) | unsigned(1);
            case 1 -> (((long) high << 16) | unsigned(2)) + 2048;
            case 2 -> (((long) high << 24) | unsigned(3)) + 526336;
            default -> unsignedLong(4);
        };
        int resume = position;
        position = Math.toIntExact(pointerBase + target);
        Object value = next();
        position = resume;
        return value;
    }

    private Map<String, Object> map(int size) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < size; i++) map.put(String.valueOf(next()), next());
        return map;
    }

    private List<Object> array(int size) {
        var list = new ArrayList<Object>();
        for (int i = 0; i < size; i++) list.add(next());
        return list;
    }

    private String text(int size) {
        String s = MaxMindNetworks.utf8(bytes, position, size);
        position += size;
        return s;
    }

    private int unsigned(int size) {
        return (int) unsignedLong(size);
    }

    private long unsignedLong(int size) {
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | (bytes[position++] & 0xff);
        return value;
    }
}
