#!/usr/bin/python3
"""Intel HEX parsing and the checks teensy_loader_cli implies for a Teensy 4.0 image (its source):
record types 00/01/04/05 only, valid checksums, extended linear addresses at 0x6000 or above (the
loader subtracts 0x60000000), every data byte inside the 1984 KB it writes, the same bytes as the
ELF's load image, the start address record equal to the ELF entry, and an end-of-file record last.
"""


def parse(text):
    """Returns (records, errors); a record is (type, address, data) with the full 32-bit address."""
    records, errors = [], []
    upper = 0
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if not line.startswith(":") or len(line) < 11 or len(line) % 2 == 0:
            errors.append(f"HEX line {number}: not an Intel HEX record")
            continue
        raw = bytes.fromhex(line[1:])
        count, address, kind = raw[0], raw[1] << 8 | raw[2], raw[3]
        data = raw[4:-1]
        if len(data) != count:
            errors.append(f"HEX line {number}: byte count {count} but {len(data)} data bytes")
        if sum(raw) & 0xFF:
            errors.append(f"HEX line {number}: bad checksum")
        if kind == 4:
            upper = data[0] << 8 | data[1]
            records.append((kind, upper << 16, data))
        elif kind in (0, 1, 5):
            records.append((kind, (upper << 16) + address, data))
        else:
            errors.append(f"HEX line {number}: record type {kind:02x} (only 00/01/04/05 expected)")
    return records, errors


def check(text, flash_base, flash_bytes, loaded, entry):
    """loaded: {address: byte} of the ELF's load image; entry: the ELF entry point."""
    records, errors = parse(text)
    image = {}
    for kind, address, data in records:
        if kind == 4 and address < flash_base:
            errors.append(f"HEX: extended linear address 0x{address >> 16:04x} below 0x6000")
        if kind == 0:
            if not flash_base <= address <= address + len(data) <= flash_base + flash_bytes:
                errors.append(f"HEX: data at 0x{address:08x}+{len(data)} outside 0x{flash_base:08x}"
                              f"..0x{flash_base + flash_bytes:08x}")
            for i, byte in enumerate(data):
                image[address + i] = byte
        if kind == 5 and int.from_bytes(data, "big") != entry:
            errors.append(f"HEX: start address 0x{int.from_bytes(data, 'big'):08x} != ELF entry "
                          f"0x{entry:08x}")
    if not records or records[-1][0] != 1:
        errors.append("HEX: the last record is not end-of-file")
    if image.get(flash_base) is None:
        errors.append(f"HEX: no data at 0x{flash_base:08x} (the FCFB)")
    if image != loaded:
        missing = sorted(set(loaded) - set(image))[:1]
        extra = sorted(set(image) - set(loaded))[:1]
        differ = sorted(a for a in set(image) & set(loaded) if image[a] != loaded[a])[:1]
        errors.append(f"HEX: bytes differ from the ELF load image (first missing {missing}, "
                      f"extra {extra}, different {differ})")
    return errors
