; Setup file for office PCs: a per-user install (no administrator), upgraded in place.
; Build the bundle first (pyinstaller --noconfirm build_installer.spec), then, with Inno Setup 6:
;   iscc /DAppVersion=0.1.0 installer\aict-desktop.iss
; The result is dist\AICT-Secretariat-Setup-<version>.exe. Sign it (see README, "Windows for IT").

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
; Never change AppId: it is how a new version finds and replaces the installed one.
AppId={{6C1B7E2A-41C3-4F0E-9B1D-AC7D2026A1C7}
AppName=AICT Secretariat
AppVerName=AICT Secretariat {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=AICT 사무국
DefaultDirName={localappdata}\Programs\AICT Secretariat
DefaultGroupName=AICT Secretariat
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=AICT-Secretariat-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\aict-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; an open program is closed (its exit backup runs) before files are replaced, and started again after
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the whole PyInstaller folder; the user's data (%LOCALAPPDATA%\AICT Secretariat) is never in {app}
Source: "..\dist\aict-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an older version that the new one no longer has (a stale module would be imported)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\AICT Secretariat"; Filename: "{app}\aict-desktop.exe"
Name: "{autodesktop}\AICT Secretariat"; Filename: "{app}\aict-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\aict-desktop.exe"; Description: "{cm:LaunchProgram,AICT Secretariat}"; Flags: nowait postinstall skipifsilent
