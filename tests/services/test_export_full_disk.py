"""A month pack that fills the disk while its zip is written (after every sheet was
streamed): the same sentence as a disk filling earlier, nothing left behind, and nothing
printed by the half-written workbook's generators (#14)."""

from __future__ import annotations

import resource
import signal
import sys

import pytest

from inventory_app.domain.errors import ValidationError
from inventory_app.services import postings as stock
from inventory_app.services.export.month import export_month
from tests.conftest import DAY0


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs a file size limit")
def test_a_disk_filling_while_the_pack_is_zipped_is_named_as_a_full_disk(stocked, tmp_path):
    stock.receive(stocked, sku="A1", qty="10", unit_cost="2", date=DAY0)
    out = tmp_path / "pack.xlsx"
    unraised: list[object] = []
    hook, handler = sys.unraisablehook, signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    sys.unraisablehook = unraised.append
    # the sheets' temporary files of this small shop fit in 4 KB each; the zip does not
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(ValidationError) as caught:
            export_month(stocked, DAY0.strftime("%Y-%m"), out)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
        import gc

        gc.collect()
        sys.unraisablehook = hook
    assert caught.value.code == "export.disk_full", caught.value
    assert unraised == []
    assert [p.name for p in tmp_path.iterdir() if "pack" in p.name] == []
