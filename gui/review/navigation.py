"""Moving through figures with the keyboard: next / previous row, next pending figure in text
order (wrapping to the next report with pending figures). A mixin of ``ReviewController``."""
from __future__ import annotations

from core.store.records import PENDING
from gui.models.figures_model import FIGURE_ROLE
from gui.models.report_list_model import ID_ROLE


class NavigationMixin:
    def _go_row(self, row: int) -> bool:
        proxy, table = self.panel.proxy, self.panel.table
        if not 0 <= row < proxy.rowCount():
            return False
        idx = proxy.index(row, 0)
        table.setCurrentIndex(idx)
        table.selectRow(row)
        table.scrollTo(idx)
        return True

    def next_figure(self) -> bool:
        return self._go_row(self.panel.table.currentIndex().row() + 1)

    def prev_figure(self) -> bool:
        row = self.panel.table.currentIndex().row()
        return self._go_row(row - 1 if row > 0 else 0)

    def _pending_after(self, offset: tuple[int, int] | None):
        items = sorted(self.panel.model.items(), key=lambda f: (f.start, f.id))
        for f in items:
            if f.status == PENDING and (offset is None or (f.start, f.id) > offset):
                return f
        return None

    def select_first_pending(self) -> bool:
        f = self._pending_after(None)
        return f is not None and self.panel.select_figure(f.id)

    def next_pending(self, wrap_reports: bool = True) -> bool:
        """The next 待审 figure in text order; after the last one, the next report with pending
        figures (the report list's order, wrapping round); True when one was selected/opened."""
        cur = self.current()
        f = self._pending_after((cur.start, cur.id) if cur is not None else None)
        if f is not None:
            return self.panel.select_figure(f.id)
        if wrap_reports and self._open_next_pending_report():
            return True
        if self.select_first_pending():  # only earlier ones left in this report
            return True
        self.message.emit(self.tr("没有待审的数字了。"))
        return False

    def _report_order(self) -> list[int]:
        rl = self.window.report_list
        return [rl.proxy.index(r, 0).data(ID_ROLE) for r in range(rl.proxy.rowCount())]

    def _open_next_pending_report(self) -> bool:
        rid = self.report_id()
        pending = {r.id: r.pending for r in self.window.source.list_reports()}
        order = self._report_order() or sorted(pending)
        if rid in order:
            k = order.index(rid)
            order = order[k + 1:] + order[:k]
        for other in order:
            if other != rid and pending.get(other, 0) > 0:
                self._after_open = self.select_first_pending
                self.window.open_report(other)
                self.message.emit(self.tr("已转到下一份有待审数字的报告。"))
                return True
        return False

    def _neighbour_id(self) -> int | None:
        """The figure after the current row (or before it, at the end) in table order."""
        row = self.panel.table.currentIndex().row()
        proxy = self.panel.proxy
        for r in (row + 1, row - 1):
            if 0 <= r < proxy.rowCount():
                return proxy.index(r, 0).data(FIGURE_ROLE).id
        return None

    def _hidden(self, figure_id: int) -> bool:
        row = self.panel.model.row_of(figure_id)
        return row < 0 or not self.panel.proxy.mapFromSource(
            self.panel.model.index(row, 0)).isValid()
