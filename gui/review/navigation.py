"""Moving through figures with the keyboard: next / previous row (table order), next pending
figure in text order (wrapping to the next report with pending figures). A mixin of
``ReviewController``; it reads the session's figures and the report list's rows, and asks for
another figure or report through the controller's signals."""
from __future__ import annotations

from core.domain import FigureStatus


class NavigationMixin:
    def next_figure(self) -> bool:
        return self.panel.go_row(self.panel.current_row() + 1)

    def prev_figure(self) -> bool:
        row = self.panel.current_row()
        return self.panel.go_row(row - 1 if row > 0 else 0)

    def _pending_after(self, offset: tuple[int, int] | None):
        report = self.session.report
        for f in report.figures if report is not None else ():  # text order
            if f.status == FigureStatus.PENDING and (offset is None or (f.start, f.id) > offset):
                return f
        return None

    def select_first_pending(self) -> bool:
        f = self._pending_after(None)
        return f is not None and self.select(f.id)

    def next_pending(self, wrap_reports: bool = True) -> bool:
        """The next 待审 figure in text order; after the last one, the next report with pending
        figures (the report list's order, wrapping round); True when one was selected/opened."""
        cur = self.current()
        f = self._pending_after((cur.start, cur.id) if cur is not None else None)
        if f is not None:
            return self.select(f.id)
        if wrap_reports and self._open_next_pending_report():
            return True
        if self.select_first_pending():  # only earlier ones left in this report
            return True
        self.message.emit(self.tr("没有待审的数字了。"))
        return False

    def _open_next_pending_report(self) -> bool:
        rid = self.report_id()
        rows = self.report_order()  # as the list shows them, counts kept current per report
        order = [r.id for r in rows]
        pending = {r.id: r.pending for r in rows}
        if rid in order:
            k = order.index(rid)
            order = order[k + 1:] + order[:k]
        for other in order:
            if other != rid and pending.get(other, 0) > 0:
                self._after_open = self.select_first_pending
                self.openReport.emit(other)
                self.message.emit(self.tr("已转到下一份有待审数字的报告。"))
                return True
        return False
