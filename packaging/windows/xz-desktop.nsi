; NSIS 3 script: the per-user Windows installer of the one-folder bundle (no admin rights needed).
; Built by packaging/windows/build.sh (`make dist-windows`), which passes:
;   -DVERSION=0.1.0  -DBUNDLE=dist/windows/xz-desktop  -DOUTFILE=dist/xz-desktop-0.1.0-setup.exe
; It installs to %LOCALAPPDATA%\Programs\xz-desktop, adds two Start-menu entries (the program and its
; self-test) and an entry in 设置 → 应用 (HKCU). The clerk's database, backups, log and settings live in
; the user's own folders (%LOCALAPPDATA%\Xiuzhou\xz-desktop, %APPDATA%\Xiuzhou): an upgrade and the
; uninstaller never touch them. Silent: setup.exe /S [/D=C:\path\without spaces]; uninstall.exe /S.

Unicode true
Target amd64-unicode  ; 64-bit stub: the 32-bit one needs WOW64 (and, under 64-bit-only Wine, installs nothing)
RequestExecutionLevel user
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is not defined (build with packaging/windows/build.sh)"
!endif
!ifndef BUNDLE
  !error "BUNDLE is not defined: the folder PyInstaller built"
!endif
!ifndef OUTFILE
  !define OUTFILE "xz-desktop-${VERSION}-setup.exe"
!endif

!define APP "xz-desktop"
!define TITLE "秀洲区人才发展规划指标填报"
!define PUBLISHER "秀洲区委人才办"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define MENU "$SMPROGRAMS\${TITLE}"

Name "${TITLE} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${TITLE} (${APP})"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${TITLE} ${VERSION} 安装程序"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!define MUI_FINISHPAGE_RUN "$INSTDIR\xz-desktop.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Install"
  SetShellVarContext current
  ; An upgrade replaces the program's libraries whole: a file the new version dropped must not linger.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "${MENU}"
  CreateShortCut "${MENU}\${TITLE}.lnk" "$INSTDIR\xz-desktop.exe"
  CreateShortCut "${MENU}\${TITLE}（自检）.lnk" "$INSTDIR\xz-desktop.exe" "--self-test"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${TITLE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\xz-desktop.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only the program: the data folders (%LOCALAPPDATA%\Xiuzhou\xz-desktop: databases, backups, log;
; %APPDATA%\Xiuzhou: settings) stay, so a reinstall finds the clerk's work as it was.
Section "Uninstall"
  SetShellVarContext current
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\xz-desktop.exe"
  Delete "$INSTDIR\xz.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: anything the clerk put there stays
  Delete "${MENU}\${TITLE}.lnk"
  Delete "${MENU}\${TITLE}（自检）.lnk"
  RMDir "${MENU}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
