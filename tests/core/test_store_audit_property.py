"""Property: any sequence of review actions is fully described by the audit log.

Replaying each figure's audit rows (field: old -> new) from the detected values gives exactly
the stored reviewed values and status — no change happens without its audit row.
"""
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.store_samples import write_sample
from core.errors import ReportError
from core.store import Store

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["value", "unit", "qualifier", "confirm", "delete", "restore", "reset"]),
        st.integers(0, 3),
        st.sampled_from(["12", "3.2万", "两千", "约", None, "件", "bad"]),
    ),
    max_size=25,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_audit_replay_equals_state(actions):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Store(tmp / "db.sqlite3") as store:
            path, doc, ext = write_sample(tmp, 1, figures_per_part=1)
            rid = store.add_report(doc, ext, source_path=str(path)).report_id
            figs = store.list_figures(rid)
            for action, index, arg in actions:
                fid = figs[index].id
                try:
                    if action in ("value", "unit", "qualifier"):
                        store.update_figure(fid, "审", **{action: arg})
                    else:
                        getattr(store, f"{action}_figure")(fid, "审")
                except ReportError:
                    pass  # rejected input: must change nothing (checked by the replay)
            for fig in store.list_figures(rid):
                state = {"value": fig.det_value, "unit": fig.det_unit,
                         "qualifier": fig.det_qualifier, "subject": fig.det_subject,
                         "status": "待审"}
                for row in store.figure_history(fig.id):
                    assert state[row.field] == row.old
                    state[row.field] = row.new
                assert state == {"value": fig.value, "unit": fig.unit, "qualifier": fig.qualifier,
                                 "subject": fig.subject, "status": fig.status}
