; Inno Setup script: a per-user Windows installer around the PyInstaller folder build.
;   pyinstaller installer\inventory_app.spec --noconfirm
;   iscc installer\inventory_app.iss      -> installer\Output\inventory_app-setup.exe
; Shop files live in the user's data folder (%LOCALAPPDATA%\inventory_app) and are never
; touched by installing, upgrading or uninstalling.

#define AppName "Inventory"
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1E7A52-3C0E-4B7A-9E56-2F0D8A1C4E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=inventory_app
DefaultDirName={localappdata}\Programs\inventory_app
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputBaseFilename=inventory_app-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\inventory_app.exe

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\inventory_app\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\inventory_app.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\inventory_app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\inventory_app.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
