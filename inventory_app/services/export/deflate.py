"""The Movements sheet deflated on a second thread while the later sheets are written.

Saving a month of a 1M-movement shop spends ~0.5 s deflating the Movements sheet's ~55 MB
of XML. The sheet is complete once written (``ws.close()`` adds what follows its rows), so a
thread deflates its file into a temporary file while this thread writes Closing stock and
the rest; zlib lets go of the GIL while it works on a large block. At save, ``Archive``
copies those deflated bytes into the zip entry instead of deflating the file again: same
compressor, level and input, so the same entry as ``ZipFile.write`` makes.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import zlib
from typing import IO
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

_BLOCK = 4 << 20  # bytes deflated per call: long enough that the GIL rarely matters


class DeflateAhead:
    """Deflates the file at ``path`` (raw deflate, as a zip entry holds it) on a thread."""

    def __init__(self, path: str, level: int) -> None:
        self.path = path
        self._level = level
        self._out: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close)
        self._size = 0
        self._crc = 0
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="export-deflate", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            deflater = zlib.compressobj(self._level, zlib.DEFLATED, -15)
            with open(self.path, "rb") as src:
                while (block := src.read(_BLOCK)) and not self._stop.is_set():
                    self._size += len(block)
                    self._crc = zlib.crc32(block, self._crc)
                    self._out.write(deflater.compress(block))
            self._out.write(deflater.flush())
            self._out.seek(0)
        except BaseException as exc:  # a full disk: raised where the zip is written
            self._error = exc

    def result(self) -> tuple[IO[bytes], int, int]:
        """(the deflated bytes, positioned at the start; the file's size; its CRC-32)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._out, self._size, self._crc

    def close(self) -> None:
        """Stop deflating (an export cancelled or failed) and let the bytes go."""
        self._stop.set()
        self._thread.join()
        with contextlib.suppress(OSError):
            self._out.close()


class _Replay:
    """Stands in for the zip entry's compressor: gives back the bytes deflated ahead."""

    def __init__(self, deflated: IO[bytes]) -> None:
        self._deflated = deflated

    def compress(self, data: bytes) -> bytes:
        return self._deflated.read(len(data))

    def flush(self) -> bytes:
        return self._deflated.read()


class Archive(ZipFile):
    """A ``ZipFile`` (deflated) whose ``write`` of a file in ``ahead`` copies the bytes
    deflated ahead; any other file is written as ``ZipFile.write`` writes it."""

    def __init__(self, path: object, ahead: dict[str, DeflateAhead], level: int) -> None:
        super().__init__(path, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=level)
        self._ahead = ahead

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        ahead = self._ahead.pop(str(filename), None)
        if ahead is None or compress_type not in (None, ZIP_DEFLATED):
            super().write(filename, arcname, compress_type, compresslevel)
            return
        try:
            self._write_deflated(filename, arcname, ahead)
        finally:
            ahead.close()

    def _write_deflated(
        self, filename: str | os.PathLike[str], arcname: str | None, ahead: DeflateAhead
    ) -> None:
        deflated, size, crc = ahead.result()
        zinfo = ZipInfo.from_file(filename, arcname)
        zinfo.compress_type = ZIP_DEFLATED
        # The entry's CRC and size are counted by the zip writer over the file read again
        # (fast next to deflating); they must be those the deflated bytes were made from.
        with open(filename, "rb") as src, self.open(zinfo, "w") as dest:
            dest._compressor = _Replay(deflated)  # type: ignore[attr-defined]
            check = 0
            read = 0
            while block := src.read(_BLOCK):
                check = zlib.crc32(block, check)
                read += len(block)
                dest.write(block)
            if (read, check) != (size, crc):
                raise RuntimeError(f"{arcname}: the sheet changed after it was deflated")

    def close(self) -> None:
        try:
            super().close()
        finally:
            for ahead in self._ahead.values():
                ahead.close()
