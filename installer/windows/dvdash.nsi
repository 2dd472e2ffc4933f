; dvdash Windows installer (NSIS 3, Unicode): Chinese and English, per-user or per-machine,
; Start menu and desktop shortcuts, upgrade in place, an uninstaller that keeps the user's store.
;
; Built from a staged install tree (cmake --install . --prefix STAGE, which also runs windeployqt):
;   makensis /DSTAGE_DIR=STAGE /DVERSION=0.1.0 /DOUTFILE=dvdash-0.1.0-win64.exe dvdash.nsi
; CPack's NSIS generator runs it the same way through NSIS.template.in. The checks below refuse to
; build an installer from a tree that lacks what a clean PC needs (see REQUIRE).

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user ; MultiUser asks for elevation only for a per-machine install

!ifndef STAGE_DIR
  !error "STAGE_DIR: the staged install tree (cmake --install . --prefix STAGE_DIR)"
!endif
!ifndef VERSION
  !error "VERSION: the program's version, e.g. 0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "dvdash-${VERSION}-win64.exe"
!endif

; A clean PC has neither Qt, GDAL, PROJ's proj.db, nor the VC++ runtime: the tree must carry them.
!macro REQUIRE PATH
  !if ! /FileExists "${STAGE_DIR}\${PATH}"
    !error "the staged tree lacks ${PATH}"
  !endif
!macroend
!insertmacro REQUIRE "bin\dvdash.exe"
!insertmacro REQUIRE "bin\dvdash-cli.exe"
!insertmacro REQUIRE "bin\Qt6Core.dll"
!insertmacro REQUIRE "bin\vcruntime140.dll"
!insertmacro REQUIRE "bin\msvcp140.dll"
!insertmacro REQUIRE "bin\platforms\qwindows.dll"
!insertmacro REQUIRE "bin\platforms\qoffscreen.dll"
!insertmacro REQUIRE "bin\sqldrivers\qsqlite.dll"
!insertmacro REQUIRE "bin\translations\qt_zh_CN.qm"
!insertmacro REQUIRE "share\dvdash\guizhou.gpkg"
!insertmacro REQUIRE "share\dvdash\proj\proj.db"
!insertmacro REQUIRE "share\dvdash\gdal\gdalvrt.xsd"
!insertmacro REQUIRE "share\dvdash\licenses\LICENSES.txt"
!insertmacro REQUIRE "share\dvdash\dvdash.ico"

!define APP "dvdash"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define APP_KEY "Software\${APP}\Installer"

Name "$(AppName)"
OutFile "${OUTFILE}"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Guizhou Digital Village Dashboard installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "dvdash authors; bundled data and libraries: see licenses"

; Per-user (no administrator needed, %LOCALAPPDATA%\Programs) or per-machine (Program Files).
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE ; /AllUsers or /CurrentUser for silent installs
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
; Remembered per mode: an upgrade lands in the folder the last version used.
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh

!define MUI_ICON "${STAGE_DIR}\share\dvdash\dvdash.ico"
!define MUI_UNICON "${STAGE_DIR}\share\dvdash\dvdash.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Language"
!define MUI_FINISHPAGE_RUN "$INSTDIR\bin\dvdash.exe"
!define MUI_UNCOMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE_DIR}\share\dvdash\licenses\LICENSES.txt"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Chinese first: most users read it; the language dialog offers English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString AppName ${LANG_SIMPCHINESE} "贵州数字乡村看板"
LangString AppName ${LANG_ENGLISH} "Guizhou Digital Village Dashboard"
LangString SecProgram ${LANG_SIMPCHINESE} "程序与数据"
LangString SecProgram ${LANG_ENGLISH} "Program and data"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecUnProgram ${LANG_SIMPCHINESE} "程序"
LangString SecUnProgram ${LANG_ENGLISH} "Program"
LangString SecUnData ${LANG_SIMPCHINESE} "同时删除我的数据（传感器、预警和指标存储及设置）"
LangString SecUnData ${LANG_ENGLISH} "Also remove my data (sensor, alert and indicator store, settings)"
LangString CliName ${LANG_SIMPCHINESE} "贵州数字乡村看板 命令行"
LangString CliName ${LANG_ENGLISH} "dvdash command line"
LangString UninstallName ${LANG_SIMPCHINESE} "卸载 贵州数字乡村看板"
LangString UninstallName ${LANG_ENGLISH} "Uninstall Guizhou Digital Village Dashboard"
LangString NotWin64 ${LANG_SIMPCHINESE} "本程序需要 64 位 Windows。"
LangString NotWin64 ${LANG_ENGLISH} "This program needs 64-bit Windows."

Section "!$(SecProgram)" SecProgram
  SectionIn RO
  ; Upgrade in place: the previous version's program files go, the user's data (in
  ; %LOCALAPPDATA%\dvdash, never under $INSTDIR) stays.
  RMDir /r "$INSTDIR\bin"
  RMDir /r "$INSTDIR\share"
  SetOutPath "$INSTDIR"
  File /r "${STAGE_DIR}\*.*"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr SHCTX "${APP_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bin\dvdash.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1

  CreateDirectory "$SMPROGRAMS\$(AppName)"
  CreateShortCut "$SMPROGRAMS\$(AppName)\$(AppName).lnk" "$INSTDIR\bin\dvdash.exe"
  ; The console companion opens a command prompt where dvdash-cli help lists the commands.
  CreateShortCut "$SMPROGRAMS\$(AppName)\$(CliName).lnk" "$SYSDIR\cmd.exe" \
      '/k "cd /d "$INSTDIR\bin" && dvdash-cli help"' "$INSTDIR\bin\dvdash-cli.exe"
  CreateShortCut "$SMPROGRAMS\$(AppName)\$(UninstallName).lnk" "$INSTDIR\uninstall.exe" \
      "/$MultiUser.InstallMode"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortCut "$DESKTOP\$(AppName).lnk" "$INSTDIR\bin\dvdash.exe"
SectionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NotWin64)"
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "un.$(SecUnProgram)" SecUnProgram
  SectionIn RO
  Delete "$DESKTOP\$(AppName).lnk"
  RMDir /r "$SMPROGRAMS\$(AppName)"
  RMDir /r "$INSTDIR\bin"
  RMDir /r "$INSTDIR\share"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${APP_KEY}"
SectionEnd

; Off unless the user ticks it: the store holds months of readings and alert history.
Section /o "un.$(SecUnData)" SecUnData
  ; QStandardPaths::AppLocalDataLocation and CacheLocation, QSettings' registry key.
  RMDir /r "$LOCALAPPDATA\dvdash"
  DeleteRegKey HKCU "Software\dvdash"
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
