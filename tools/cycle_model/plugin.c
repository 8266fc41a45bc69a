/* QEMU TCG plugin: estimated Cortex-M4 cycles of a firmware run (docs/cycle-model.md).
 *
 *   qemu-system-arm -machine mps2-an386 ... \
 *       -plugin libstrata-cycle-model.so,out=<file>[,timer=<address>]
 *
 * Every translated instruction is decoded once (thumb_decode.c) and gets an execution callback that
 * charges its cost (cycle_state.c); loads and stores also get a memory callback, which tells an
 * IT-skipped access from a real one and watches the timer: each load from the timer's value
 * register (default 0x40000004, the CMSDK TIMER0 VALUE the virtual boards' cycle counter reads)
 * records a checkpoint, the instructions and estimated cycles executed so far.
 * tools/benchlib/cycles.py pairs the checkpoints with the firmware's own counter readings. The file
 * gets the checkpoints as they happen and, at exit, the totals, the count per instruction class and
 * every encoding the decoder did not know. Its lines:
 *   read <insns> <cycles>                  the first checkpoint
 *   step <n> <d_insns> <d_cycles>          n more, each d_insns / d_cycles after the one before
 *   total insns=<n> cycles=<n> unknown=<n> taken=<n> pipelined=<n> skipped=<n>
 *   class name=<class> insns=<n> cycles=<n>
 *   unknown pc=0x<addr> encoding=0x<hex>   one per distinct unknown instruction translated
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cycle_state.h"
#include "qemu_plugin_api.h"
#include "thumb_decode.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static struct cycle_state g_state;
static uint64_t g_timer_value = 0x40000004u;
static FILE *g_out;

/* ---- decoded instructions: one record per (address, encoding), kept for the whole run ---- */

struct insn_table {
  struct insn_info **slots;
  size_t capacity; /* a power of two */
  size_t used;
};
static struct insn_table g_insns;

static size_t slot_of(uint32_t pc, uint32_t encoding, size_t capacity) {
  uint64_t h = ((uint64_t)pc << 32 | encoding) * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 20) & (capacity - 1);
}

static void table_grow(void) {
  const size_t capacity = g_insns.capacity ? g_insns.capacity * 2 : 1u << 14;
  struct insn_info **slots = calloc(capacity, sizeof(*slots));
  if (slots == NULL) {
    fprintf(stderr, "strata-cycle-model: out of memory\n");
    exit(1);
  }
  for (size_t i = 0; i < g_insns.capacity; ++i) {
    struct insn_info *info = g_insns.slots[i];
    if (info == NULL) continue;
    size_t k = slot_of(info->pc, info->encoding, capacity);
    while (slots[k] != NULL) k = (k + 1) & (capacity - 1);
    slots[k] = info;
  }
  free(g_insns.slots);
  g_insns.slots = slots;
  g_insns.capacity = capacity;
}

static struct insn_info *table_find_or_add(const struct insn_info *decoded) {
  if (2 * (g_insns.used + 1) > g_insns.capacity) table_grow();
  size_t k = slot_of(decoded->pc, decoded->encoding, g_insns.capacity);
  for (; g_insns.slots[k] != NULL; k = (k + 1) & (g_insns.capacity - 1)) {
    struct insn_info *info = g_insns.slots[k];
    if (info->pc == decoded->pc && info->encoding == decoded->encoding) return info;
  }
  struct insn_info *info = malloc(sizeof(*info));
  if (info == NULL) {
    fprintf(stderr, "strata-cycle-model: out of memory\n");
    exit(1);
  }
  *info = *decoded;
  g_insns.slots[k] = info;
  g_insns.used++;
  return info;
}

/* ---- checkpoints, run-length coded (the idle console loop reads the timer at a fixed stride) */

struct checkpoints {
  int started;
  uint64_t last_insns, last_cycles;    /* the latest checkpoint */
  uint64_t run, run_insns, run_cycles; /* pending `step` line */
};
static struct checkpoints g_checkpoints;

static void flush_run(void) {
  if (g_checkpoints.run == 0) return;
  fprintf(g_out, "step %" PRIu64 " %" PRIu64 " %" PRIu64 "\n", g_checkpoints.run,
          g_checkpoints.run_insns, g_checkpoints.run_cycles);
  g_checkpoints.run = 0;
}

static void checkpoint(uint64_t insns, uint64_t cycles) {
  struct checkpoints *c = &g_checkpoints;
  if (!c->started) {
    fprintf(g_out, "read %" PRIu64 " %" PRIu64 "\n", insns, cycles);
    c->started = 1;
  } else {
    const uint64_t d_insns = insns - c->last_insns, d_cycles = cycles - c->last_cycles;
    if (c->run != 0 && (d_insns != c->run_insns || d_cycles != c->run_cycles)) flush_run();
    c->run_insns = d_insns;
    c->run_cycles = d_cycles;
    c->run++;
  }
  c->last_insns = insns;
  c->last_cycles = cycles;
}

/* ---- callbacks ---- */

static void on_exec(unsigned int vcpu_index, void *userdata) {
  (void)vcpu_index;
  cycle_exec(&g_state, (const struct insn_info *)userdata);
}

static void on_memory(unsigned int vcpu_index, qemu_plugin_meminfo_t info, uint64_t vaddr,
                      void *userdata) {
  (void)vcpu_index;
  const struct insn_info *insn = (const struct insn_info *)userdata;
  cycle_mem(&g_state);
  if (insn->timer_load && vaddr == g_timer_value && !qemu_plugin_mem_is_store(info)) {
    checkpoint(g_state.insns, g_state.cycles);
  }
}

/* One callback per instruction, not one inline count per block: with -icount, a timer load in the
 * middle of a block ends that block's run there and QEMU re-executes the load alone with memory
 * callbacks only, so a per-block count would charge the rest of the block twice. */
static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
  (void)id;
  const size_t n = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < n; ++i) {
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
    /* The size can exceed the instruction's: near a page end QEMU peeks at the next halfword. */
    const size_t size = qemu_plugin_insn_size(insn);
    struct insn_info decoded;
    thumb_decode((uint32_t)qemu_plugin_insn_vaddr(insn), qemu_plugin_insn_data(insn),
                 size > 4 ? 4 : (unsigned)size, &decoded);
    struct insn_info *info = table_find_or_add(&decoded);
    qemu_plugin_register_vcpu_insn_exec_cb(insn, on_exec, QEMU_PLUGIN_CB_NO_REGS, info);
    if (info->memory) {
      qemu_plugin_register_vcpu_mem_cb(insn, on_memory, QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_MEM_RW,
                                       info);
    }
  }
}

static void on_run_end(qemu_plugin_id_t id, void *userdata) {
  (void)id;
  (void)userdata;
  cycle_finish(&g_state);
  flush_run();
  const struct cycle_state *s = &g_state;
  fprintf(g_out,
          "total insns=%" PRIu64 " cycles=%" PRIu64 " unknown=%" PRIu64 " taken=%" PRIu64
          " pipelined=%" PRIu64 " skipped=%" PRIu64 "\n",
          s->insns, s->cycles, s->class_insns[CLS_UNKNOWN], s->taken, s->pipelined, s->skipped);
  for (unsigned c = 0; c < CLS_COUNT; ++c) {
    fprintf(g_out, "class name=%s insns=%" PRIu64 " cycles=%" PRIu64 "\n", insn_class_name(c),
            s->class_insns[c], s->class_cycles[c]);
  }
  for (size_t i = 0; i < g_insns.capacity; ++i) {
    const struct insn_info *info = g_insns.slots[i];
    if (info != NULL && info->cls == CLS_UNKNOWN) {
      fprintf(g_out, "unknown pc=0x%08" PRIx32 " encoding=0x%0*" PRIx32 "\n", info->pc,
              info->size == 4 ? 8 : 4, info->encoding);
    }
  }
  fclose(g_out);
  g_out = NULL;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const struct qemu_info_t *info,
                                           int argc, char **argv) {
  (void)info;
  const char *out_path = NULL;
  for (int i = 0; i < argc; ++i) {
    if (strncmp(argv[i], "out=", 4) == 0) {
      out_path = argv[i] + 4;
    } else if (strncmp(argv[i], "timer=", 6) == 0) {
      char *end = NULL;
      errno = 0;
      g_timer_value = strtoull(argv[i] + 6, &end, 0);
      if (errno != 0 || end == argv[i] + 6 || *end != '\0') {
        fprintf(stderr, "strata-cycle-model: bad timer address '%s' (e.g. timer=0x40000004)\n",
                argv[i] + 6);
        return 1;
      }
    } else {
      fprintf(stderr, "strata-cycle-model: unknown argument '%s' (out=<file>, timer=<address>)\n",
              argv[i]);
      return 1;
    }
  }
  if (out_path == NULL || *out_path == '\0') {
    fprintf(stderr, "strata-cycle-model: needs out=<file> for the checkpoints and totals\n");
    return 1;
  }
  g_out = fopen(out_path, "w");
  if (g_out == NULL) {
    fprintf(stderr, "strata-cycle-model: cannot write %s: %s\n", out_path, strerror(errno));
    return 1;
  }
  static char buffer[1 << 16];
  setvbuf(g_out, buffer, _IOFBF, sizeof(buffer));
  fprintf(g_out, "# strata cycle model: estimated Cortex-M4 cycles (docs/cycle-model.md)\n");
  cycle_reset(&g_state);
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
  qemu_plugin_register_atexit_cb(id, on_run_end, NULL);
  return 0;
}
