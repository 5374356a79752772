"""Settings: the shop's (name, currency symbol, operator, expiry warning, current assets — kept
in the shop file) and this computer's language (kept per person: services.preferences)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inventory_app.domain.errors import InventoryError
from inventory_app.services import preferences, settings
from inventory_app.ui import ops
from inventory_app.ui.app_context import AppContext
from inventory_app.ui.widgets.format import money_text


def money_from_field(text: str) -> str:
    """What was typed in a money field, as the services read numbers: the locale's group
    separators out, its decimal point as ".", so 12,500.50 and (de_DE) 12.500,50 both read
    12500.50. Never through float."""
    locale = QLocale()
    text = text.strip().replace(locale.groupSeparator(), "").replace("\u00a0", "")
    return text.replace(locale.decimalPoint(), ".")


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(460)
        self.shop_name = QLineEdit(ctx.shop_name)
        self.currency = QLineEdit(ctx.currency)
        self.currency.setMaxLength(4)
        self.operator = QLineEdit(ctx.operator)
        self.operator.setPlaceholderText(self.tr("Your name, recorded on every movement"))
        self.warning_days = QSpinBox()
        self.warning_days.setRange(0, 3650)
        self.warning_days.setSuffix(self.tr(" days"))
        self.warning_days.setValue(ctx.expiry_warning_days)
        self.current_assets = QLineEdit(self._assets_text())
        self.current_assets.setPlaceholderText(self.tr("e.g. 250,000.00"))
        self.current_assets.setToolTip(
            self.tr(
                "Cash, receivables and stock together: the capital-occupation rate on the "
                "dashboard is stock value ÷ current assets."
            )
        )
        self.current_assets.textEdited.connect(lambda _t: self.problem.clear())
        self.language = QComboBox()
        self.language.addItem(self.tr("Automatic (system language)"), "auto")
        self.language.addItem("简体中文", "zh")  # a language's own name, in every language
        self.language.addItem(self.tr("English"), "en")
        self.language.setCurrentIndex(self.language.findData(preferences.language_choice()))

        shop = QGroupBox(self.tr("This shop"))
        form = QFormLayout(shop)
        form.addRow(self.tr("Shop name"), self.shop_name)
        form.addRow(self.tr("Currency symbol"), self.currency)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(self.tr("Warn before expiry"), self.warning_days)
        form.addRow(self.tr("Current assets ({0})").format(ctx.currency), self.current_assets)
        mine = QGroupBox(self.tr("This computer"))
        form = QFormLayout(mine)
        form.addRow(self.tr("Language"), self.language)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        shop.setVisible(ctx.db is not None)  # no shop open: this computer's settings only
        layout.addWidget(shop)
        layout.addWidget(mine)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _assets_text(self) -> str:
        try:
            amount = settings.parse_current_assets(self.ctx.setting("current_assets"))
        except InventoryError:
            return ""
        return money_text(amount) if amount else ""

    def values(self) -> dict[str, str]:
        """The shop's settings as typed; current assets checked (a refusal names the field)."""
        assets = money_from_field(self.current_assets.text()) or "0"
        settings.parse_current_assets(assets)  # refuses here, before anything is saved
        return {  # saved together or not at all
            "shop_name": self.shop_name.text(),
            "currency": self.currency.text().strip() or "¥",
            "operator": self.operator.text().strip(),
            "expiry_warning_days": str(self.warning_days.value()),
            "current_assets": assets,
        }

    def accept(self) -> None:
        if self.ctx.db is None:
            if self._save_language():
                super().accept()
            return
        if not self.shop_name.text().strip():
            self.problem.setText(self.tr("The shop name is empty."))
            self.shop_name.setFocus()
            return
        try:
            values = self.values()
        except InventoryError as exc:
            self.problem.setText(str(exc))
            self.current_assets.setFocus()
            self.current_assets.selectAll()
            return
        if ops.write(self, self.ctx, lambda db: settings.update(db, values)) is None:
            return
        if not self._save_language():
            return
        super().accept()

    def _save_language(self) -> bool:
        """Save the language choice; a new one takes effect at once (the windows rebuild
        their texts on the LanguageChange event that installing its translation sends)."""
        choice = self.language.currentData()
        if choice == preferences.language_choice():
            return True
        try:
            preferences.set_language_choice(choice)
        except InventoryError as exc:
            self.problem.setText(str(exc))
            return False
        from inventory_app.ui.launch import apply_language

        apply_language(QApplication.instance())
        return True
