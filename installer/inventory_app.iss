; Inno Setup script: a per-user Windows installer around the PyInstaller folder build.
; Built by `make dist` (installer/build.py), which gives it the one version and the paths:
;   iscc /DAppVersion=0.1.0 /DBundleDir=...\dist\inventory-app /O...\dist installer\inventory_app.iss
; Per user, no administrator rights; Start menu entry, optional desktop shortcut, "Open with"
; for shop files; English and Simplified Chinese. Shop files live in the user's data folder
; (%LOCALAPPDATA%\inventory_app) and are never touched by installing, upgrading or uninstalling.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z (installer/build.py does)
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\inventory-app"
#endif
#define AppName "Inventory"
#define AppExe "inventory-app.exe"

[Setup]
AppId={{6B1E7A52-3C0E-4B7A-9E56-2F0D8A1C4E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=inventory_app
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\inventory-app
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputBaseFilename=inventory-app-{#AppVersion}-setup
SetupIconFile=icons\inventory-app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the windowed inventory-app.exe and the console inventory-app-cli.exe, one set of libraries
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" for .db shop files (per user; the default program for .db is left alone)
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\.db\OpenWithList\{#AppExe}"; ValueType: string; ValueName: ""; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: only the installed program files go; shop files are the user's.
