"""The figure table's 指标 column: names from the catalogue, a tooltip saying why the rules map a
figure as they do, and the keyboard steps to change it — I (pick an indicator from a searchable
list) and Shift+I (no indicator). Each change is a ``SetIndicatorOp`` on the undo stack.

The rules' reasons (``Store.explain_indicators``) cost one mapping pass over the report, so they
are computed on the first tooltip asked for, once per opened report.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from core.errors import ReportError
from core.review.indicator_ops import SetIndicatorOp
from gui.models.figures_model import COL_INDICATOR
from gui.review.indicator_picker import IndicatorPicker


def push_named(ctl, op):
    """Push ``op`` once the reviewer has a name (also with no report open, unlike figure steps)."""
    if not ctl.names.get():
        ctl.message.emit(ctl.tr("未填写审核人姓名，操作未保存。"))
        return None
    return ctl.push(op)


class IndicatorColumn(QObject):
    def __init__(self, window, ctl, session, panel, parent=None):
        super().__init__(parent or window)
        self.window, self.ctl, self.session, self.panel = window, ctl, session, panel
        self.model = panel.model
        self.model.indicator_reason = self.reason
        self.picker: IndicatorPicker | None = None
        self._reasons: dict[int, str] | None = None
        self._catalog = []
        self.pick_action = self._action(self.tr("设置指标…"), self.pick, "I")
        self.clear_action = self._action(self.tr("设为不对应指标"), self.clear, "Shift+I")
        session.opened.connect(self._on_opened)
        panel.table.setColumnWidth(COL_INDICATOR, 170)

    def _action(self, text: str, slot, key: str) -> QAction:
        act = QAction(text, self.window)
        act.setShortcut(QKeySequence(key))
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(act)
        return act

    def actions(self) -> list[QAction]:
        return [self.pick_action, self.clear_action]

    # --- names and reasons --------------------------------------------------------------------
    def _on_opened(self, _report) -> None:
        self._reasons = None
        self.refresh_catalog()

    def refresh_catalog(self) -> None:
        """The catalogue changed (or a report was opened): names in the column again."""
        try:
            self._catalog = self.session.store().list_indicators()
        except ReportError:
            self._catalog = []
        self.model.indicator_names = {i.id: i.name + ("（已停用）" if i.retired else "")
                                      for i in self._catalog}
        self._reasons = None
        n = self.model.rowCount()
        if n:
            self.model.dataChanged.emit(self.model.index(0, COL_INDICATOR),
                                        self.model.index(n - 1, COL_INDICATOR))

    def reason(self, figure_id: int) -> str | None:
        report = self.session.report
        if report is None:
            return None
        if self._reasons is None:
            try:
                self._reasons = self.session.store().explain_indicators(report.id)
            except ReportError:
                self._reasons = {}
        rec = report.figure(figure_id)
        text = self._reasons.get(figure_id)
        if rec is not None and rec.indicator_reviewer:
            who = self.tr("审核人 {0} 指定").format(rec.indicator_reviewer)
            text = f"{who}；{self.tr('自动识别')}：{text}" if text else who
        return text

    # --- changing it --------------------------------------------------------------------------
    def pick(self) -> IndicatorPicker | None:
        f = self.ctl.current()
        if f is None:
            self.ctl.message.emit(self.tr("请先选择一个数字。"))
            return None
        if not self._catalog:
            self.refresh_catalog()
        self.picker = IndicatorPicker(self._catalog, f.indicator, self.window)
        self.picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picker.chosen.connect(lambda ind, fid=f.id: self.set(fid, ind))
        self.picker.open()
        self.picker.filter.setFocus()
        return self.picker

    def clear(self) -> bool:
        f = self.ctl.current()
        if f is None:
            self.ctl.message.emit(self.tr("请先选择一个数字。"))
            return False
        return self.set(f.id, None)

    def set(self, figure_id: int, indicator_id: str | None) -> bool:
        name = self.model.indicator_names.get(indicator_id, indicator_id) if indicator_id \
            else self.tr("不对应指标")
        cmd = push_named(self.ctl, SetIndicatorOp(figure_id, indicator_id,
                                                  self.tr("指标改为“{0}”").format(name)))
        if cmd is not None and not cmd.op.noop:
            self.ctl.message.emit(self.tr("指标已改为“{0}”。").format(name))
        self.panel.table.setFocus()
        return cmd is not None
