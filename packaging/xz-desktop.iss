; Inno Setup 6 script: a Windows installer for the one-folder bundle that `make dist` (or
; `pyinstaller packaging\xz-desktop.spec`) built in dist\xz-desktop\. docs/install.md explains the steps:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\xz-desktop.iss
; The installer goes to dist\installer\xz-desktop-<version>-setup.exe.
;
; It installs the program only. The clerk's database, backups, log and settings live in the user's
; own folders (%LOCALAPPDATA%\Xiuzhou\xz-desktop, %APPDATA%\Xiuzhou) and are never touched by an
; upgrade or by uninstalling.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "xz-desktop"
#define AppTitle "秀洲区人才发展规划指标填报"

[Setup]
; Keep this AppId for every version: it is how an upgrade finds the installed copy.
AppId={{6F0B7C0E-3A57-4B8E-9B2C-5D1E2A7C9F41}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=秀洲区委人才办
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppTitle}
DisableProgramGroupPage=yes
OutputDir=..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
LicenseFile=..\LICENSE
UninstallDisplayIcon={app}\xz-desktop.exe
WizardStyle=modern

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "en"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole bundle: both programs and their shared _internal folder.
Source: "..\dist\xz-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle's libraries completely (a file dropped by the new version must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\xz-desktop.exe"
Name: "{autoprograms}\{#AppTitle}（自检）"; Filename: "{app}\xz-desktop.exe"; Parameters: "--self-test"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\xz-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\xz-desktop.exe"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent
