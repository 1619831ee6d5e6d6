@echo off
rem nianbao.cmd - the command line of the installed Nianbao app, next to its .exe (see README.md).
rem It runs the app with --cli: no window opens, the output goes to this console, and the exit code
rem is the command's (0 done, 1 error findings, 2 bad arguments or unreadable file).
rem The executable's name is Chinese: it is read with the UTF-8 code page (65001), then the console's
rem own code page is restored. Keep every other line of this file ASCII.
setlocal
set "NIANBAO_CP="
for /f "tokens=2 delims=:." %%c in ('chcp') do set "NIANBAO_CP=%%c"
chcp 65001 >nul
"%~dp0年报助手.exe" --cli %*
set "NIANBAO_EXIT=%ERRORLEVEL%"
if defined NIANBAO_CP chcp %NIANBAO_CP% >nul
exit /b %NIANBAO_EXIT%
