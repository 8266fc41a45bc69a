// Register addresses and bit fields of the i.MX RT1062 blocks the Strata BSP drives: CCM (clock
// roots, dividers, gates), CCM_ANALOG (ARM and USB1 PLLs, PFDs), DCDC (core voltage), IOMUXC_GPR
// (FlexRAM banks), IOMUXC (pads), LPUART, RTWDOG and the SRC reset flags. One place for every
// number, each with its source, so drivers name registers, not numbers. The primary source is NXP's
// i.MX RT1060 Processor Reference Manual (IMXRT1060RM): the chapter of each block is named below.
#pragma once

#include <cstdint>

namespace bsp::imxrt1062::reg {

// --- CCM (IMXRT1060RM "Clock Controller Module (CCM)") ----------------------------------------
inline constexpr uintptr_t kCcmBase = 0x400FC000;
inline constexpr uintptr_t kCcmCacrr = kCcmBase + 0x10;
inline constexpr uintptr_t kCcmCbcdr = kCcmBase + 0x14;
inline constexpr uintptr_t kCcmCbcmr = kCcmBase + 0x18;
inline constexpr uintptr_t kCcmCscmr1 = kCcmBase + 0x1C;
inline constexpr uintptr_t kCcmCscdr1 = kCcmBase + 0x24;
inline constexpr uintptr_t kCcmCdhipr = kCcmBase + 0x48;
// Clock gates CCGR0..CCGR7: two bits per gate, 11 = on in every mode.
inline constexpr uintptr_t ccm_ccgr(uint32_t n) { return kCcmBase + 0x68 + 4 * n; }
inline constexpr uint32_t kCcgrOn = 3;

inline constexpr uint32_t kCacrrArmPodfMask = 0x7;  // [2:0], divide by n+1

inline constexpr uint32_t kCbcdrPeriphClk2PodfShift = 27;  // [29:27]
inline constexpr uint32_t kCbcdrPeriphClk2PodfMask = 0x7u << 27;
inline constexpr uint32_t kCbcdrPeriphClkSel = 1u << 25;
inline constexpr uint32_t kCbcdrAhbPodfShift = 10;  // [12:10]
inline constexpr uint32_t kCbcdrAhbPodfMask = 0x7u << 10;
inline constexpr uint32_t kCbcdrIpgPodfShift = 8;  // [9:8]
inline constexpr uint32_t kCbcdrIpgPodfMask = 0x3u << 8;

inline constexpr uint32_t kCbcmrPrePeriphClkSelShift = 18;  // [19:18]
inline constexpr uint32_t kCbcmrPrePeriphClkSelMask = 0x3u << 18;
inline constexpr uint32_t kCbcmrPeriphClk2SelShift = 12;  // [13:12]
inline constexpr uint32_t kCbcmrPeriphClk2SelMask = 0x3u << 12;
// PRE_PERIPH_CLK_SEL: 0 = PLL2 (528 MHz), 1 = PLL2 PFD2, 2 = PLL2 PFD0, 3 = ARM PLL / ARM_PODF.
inline constexpr uint32_t kPrePeriphArmPll = 3;
// PERIPH_CLK2_SEL values: 0 = PLL3 (USB1, 480 MHz), 1 = 24 MHz oscillator.
inline constexpr uint32_t kPeriphClk2Usb1Pll = 0;
inline constexpr uint32_t kPeriphClk2Osc = 1;

inline constexpr uint32_t kCdhiprArmPodfBusy = 1u << 16;
inline constexpr uint32_t kCdhiprPeriphClkSelBusy = 1u << 5;
inline constexpr uint32_t kCdhiprPeriph2ClkSelBusy = 1u << 3;
inline constexpr uint32_t kCdhiprAhbPodfBusy = 1u << 1;

// CSCDR1: UART clock root: UART_CLK_SEL b6 (1 = 24 MHz OSC), UART_CLK_PODF [5:0].
inline constexpr uint32_t kCscdr1UartClkSelOsc = 1u << 6;
inline constexpr uint32_t kCscdr1UartClkPodfMask = 0x3F;

// Gates used here: CCGR0[29:28] LPUART2, CCGR4[3:2] IOMUXC, CCGR4[5:4] IOMUXC_GPR,
// CCGR6[7:6] DCDC.
struct Gate {
  uint32_t ccgr;
  uint32_t shift;
};
inline constexpr Gate kGateLpuart2{0, 28};
inline constexpr Gate kGateIomuxc{4, 2};
inline constexpr Gate kGateIomuxcGpr{4, 4};
inline constexpr Gate kGateDcdc{6, 6};
// CCGR5[5:4] = RTWDOG (MCUXpresso fsl_clock.h kCLOCK_Wdog3).
inline constexpr Gate kGateWdog3{5, 4};

// --- CCM_ANALOG (IMXRT1060RM "Clock Controller Module (CCM)", analog part) -------------------
inline constexpr uintptr_t kAnalogBase = 0x400D8000;
inline constexpr uintptr_t kPllArm = kAnalogBase + 0x00;
inline constexpr uintptr_t kPllUsb1 = kAnalogBase + 0x10;
inline constexpr uintptr_t kPfd528 = kAnalogBase + 0x100;
inline constexpr uint32_t kPllLock = 1u << 31;
inline constexpr uint32_t kPllBypass = 1u << 16;
inline constexpr uint32_t kPllEnable = 1u << 13;
inline constexpr uint32_t kPllArmPowerdown = 1u << 12;
inline constexpr uint32_t kPllUsbPower = 1u << 12;  // on the USB PLLs bit 12 is POWER (1 = on)
inline constexpr uint32_t kPllArmDivSelectMask = 0x7F;
inline constexpr uint32_t kOscHz = 24000000;
inline constexpr uint32_t kPll2Hz = 528000000;
inline constexpr uint32_t kPll3Hz = 480000000;

// --- DCDC (IMXRT1060RM "DCDC Converter"): REG3.TRG [4:0] sets VDD_SOC = 800 mV + 25 mV * TRG;
// REG0.STS_DC_OK b31 ---
inline constexpr uintptr_t kDcdcReg0 = 0x40080000;
inline constexpr uintptr_t kDcdcReg3 = 0x4008000C;
inline constexpr uint32_t kDcdcStsDcOk = 1u << 31;
inline constexpr uint32_t kDcdcTrgMask = 0x1F;

// --- IOMUXC_GPR (IMXRT1060RM "IOMUX Controller", GPR14/16/17): FlexRAM banks and TCM sizes --
inline constexpr uintptr_t kGprBase = 0x400AC000;
inline constexpr uintptr_t kGpr14 = kGprBase + 0x38;
inline constexpr uintptr_t kGpr16 = kGprBase + 0x40;
inline constexpr uintptr_t kGpr17 = kGprBase + 0x44;
inline constexpr uint32_t kGpr14DtcmSzShift = 20;  // CM7_MX6RT_CFGDTCMSZ [23:20]
inline constexpr uint32_t kGpr14ItcmSzShift = 16;  // CM7_MX6RT_CFGITCMSZ [19:16]
inline constexpr uint32_t kGpr14SizeMask = (0xFu << 20) | (0xFu << 16);
inline constexpr uint32_t kGpr16InitItcmEn = 1u << 0;
inline constexpr uint32_t kGpr16InitDtcmEn = 1u << 1;
inline constexpr uint32_t kGpr16FlexramBankCfgSel = 1u << 2;

// --- IOMUXC pads of Teensy pins 14/15 (IMXRT1060RM "IOMUX Controller") ------------------------
inline constexpr uintptr_t kMuxGpioAdB102 = 0x401F8104;  // pin 14
inline constexpr uintptr_t kMuxGpioAdB103 = 0x401F8108;  // pin 15
inline constexpr uintptr_t kPadGpioAdB102 = 0x401F82F4;
inline constexpr uintptr_t kPadGpioAdB103 = 0x401F82F8;
inline constexpr uintptr_t kLpuart2TxSelectInput = 0x401F8530;
inline constexpr uintptr_t kLpuart2RxSelectInput = 0x401F852C;

// --- LPUART (IMXRT1060RM "Low Power Universal Asynchronous Receiver/Transmitter") -----------
inline constexpr uintptr_t kLpuart2 = 0x40188000;
inline constexpr uintptr_t kLpuartPincfg = 0x0C;
inline constexpr uintptr_t kLpuartBaud = 0x10;
inline constexpr uintptr_t kLpuartStat = 0x14;
inline constexpr uintptr_t kLpuartCtrl = 0x18;
inline constexpr uintptr_t kLpuartData = 0x1C;
inline constexpr uintptr_t kLpuartFifo = 0x28;
inline constexpr uintptr_t kLpuartWater = 0x2C;
inline constexpr uint32_t kBaudOsrShift = 24;  // [28:24] = OSR - 1
inline constexpr uint32_t kBaudBothEdge = 1u << 17;
inline constexpr uint32_t kBaudSbrMask = 0x1FFF;  // [12:0]
inline constexpr uint32_t kStatTdre = 1u << 23;
inline constexpr uint32_t kStatTc = 1u << 22;
inline constexpr uint32_t kStatRdrf = 1u << 21;
inline constexpr uint32_t kStatOr = 1u << 19;  // receiver overrun, write 1 to clear
inline constexpr uint32_t kCtrlTe = 1u << 19;
inline constexpr uint32_t kCtrlRe = 1u << 18;
// FIFO enables and WATER layout (LPUART FIFO and WATER registers): RXFE b3, TXFE b7, TXWATER [1:0].
inline constexpr uint32_t kFifoRxfe = 1u << 3;
inline constexpr uint32_t kFifoTxfe = 1u << 7;

// --- RTWDOG = WDOG3 ------------------------------------------------------------------------------
// IMXRT1060RM "RTWDOG" chapter; bit layout as in NuttX imxrt_wdog.h and the MCUXpresso headers.
inline constexpr uintptr_t kRtwdogBase = 0x400BC000;
inline constexpr uintptr_t kRtwdogCs = kRtwdogBase + 0x00;
inline constexpr uintptr_t kRtwdogCnt = kRtwdogBase + 0x04;
inline constexpr uintptr_t kRtwdogToval = kRtwdogBase + 0x08;
inline constexpr uintptr_t kRtwdogWin = kRtwdogBase + 0x0C;
inline constexpr uint32_t kRtwdogCsStop = 1u << 0;
inline constexpr uint32_t kRtwdogCsWait = 1u << 1;
inline constexpr uint32_t kRtwdogCsDbg = 1u << 2;
inline constexpr uint32_t kRtwdogCsTstMask = 0x3u << 3;
inline constexpr uint32_t kRtwdogCsUpdate = 1u << 5;  // may be reconfigured later (after unlock)
inline constexpr uint32_t kRtwdogCsInt = 1u << 6;
inline constexpr uint32_t kRtwdogCsEn = 1u << 7;
inline constexpr uint32_t kRtwdogCsClkShift = 8;  // [9:8]: 0 bus, 1 LPO (32.768 kHz), 2 INT, 3 ER
inline constexpr uint32_t kRtwdogCsClkMask = 0x3u << 8;
inline constexpr uint32_t kRtwdogClkLpo = 1;
inline constexpr uint32_t kRtwdogCsRcs = 1u << 10;      // reconfiguration took effect (read-only)
inline constexpr uint32_t kRtwdogCsUlk = 1u << 11;      // unlocked (read-only)
inline constexpr uint32_t kRtwdogCsPres = 1u << 12;     // 256 prescaler
inline constexpr uint32_t kRtwdogCsCmd32en = 1u << 13;  // unlock/refresh as one 32-bit write
inline constexpr uint32_t kRtwdogCsFlg = 1u << 14;
inline constexpr uint32_t kRtwdogCsWin = 1u << 15;
inline constexpr uint32_t kRtwdogUnlockKey = 0xD928C520;   // 16-bit mode: 0xC520 then 0xD928
inline constexpr uint32_t kRtwdogRefreshKey = 0xB480A602;  // 16-bit mode: 0xA602 then 0xB480
inline constexpr uint32_t kLpoHz = 32768;

// --- SRC reset status (IMXRT1060RM SRC chapter): write 1 to clear --------------------------------
inline constexpr uintptr_t kSrcSrsr = 0x400F8008;    // SRC 0x400F_8000 + 0x08
inline constexpr uint32_t kSrsrWdogRstB = 1u << 4;   // WDOG1/WDOG2 time-out
inline constexpr uint32_t kSrsrWdog3RstB = 1u << 7;  // RTWDOG time-out

}  // namespace bsp::imxrt1062::reg
