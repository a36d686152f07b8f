"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorState, type ActionState } from "@/lib/action-state";
import { requireMerchant } from "@/lib/auth/merchant";
import { orderNumber } from "@/lib/payments/ids";
import { isUuid } from "@/lib/uuid";
import { COURIERS, isCourier } from "./couriers";
import { takeFulfilmentStep, type FulfilmentResult } from "./fulfilment";
import { isFulfilmentStep, type FulfilmentStep } from "./fulfilment-states";

/**
 * The console's fulfilment actions: one step on one order (the order page's panel), and the list's bulk "mark
 * packed" and "print slips". Each checks the merchant on the server, then hands the step to lib/delivery/fulfilment.ts;
 * every sentence is put in the merchant's language here, once.
 */

/** At most one list page of orders at once. */
const BULK_MAX = 50;

async function wordResult(result: FulfilmentResult, step: FulfilmentStep, orderId: string, courier: string): Promise<string> {
  const [t, status] = await Promise.all([getTranslations("fulfilment.result"), getTranslations("fulfilment.status")]);
  const number = orderNumber(orderId);
  if (result.ok) return t(step, { number });
  const state = result.current ? status(result.current).toLowerCase() : "";
  switch (result.reason) {
    case "resi_format": {
      const info = isCourier(courier) ? COURIERS[courier] : COURIERS.jne;
      return t("refused.resi_format", { courier: info.name, example: info.resiExample });
    }
    case "already_done":
    case "not_allowed":
      return t(`refused.${result.reason}`, { number, state });
    case "unpaid":
    case "refunded":
    case "voided":
      return t(`refused.${result.reason}`, { number });
    default:
      return t(`refused.${result.reason}`);
  }
}

function pathsOf(orderId: string) {
  revalidatePath(`/console/orders/${orderId}`);
  revalidatePath(`/orders/${orderId}`);
}

export async function fulfilmentStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = Object.fromEntries(["orderId", "step", "courier", "trackingNumber"].map((name) => [name, String(formData.get(name) ?? "").slice(0, 100)]));
  const { orderId = "", step = "", courier = "", trackingNumber = "" } = values;
  const actor = await requireMerchant(isUuid(orderId) ? `/console/orders/${orderId}` : "/console/orders");
  const t = await getTranslations("fulfilment.result");
  if (!isUuid(orderId)) return errorState(t("orderMissing"), undefined, values);
  if (!isFulfilmentStep(step)) return errorState(t("stepMissing"), undefined, values);
  const result = await takeFulfilmentStep(actor, orderId, step, step === "ship" ? { courier, trackingNumber } : undefined);
  pathsOf(orderId);
  const message = await wordResult(result, step, orderId, courier);
  if (result.ok) return { status: "success", message };
  return errorState(result.field ? t("correct") : message, result.field ? { [result.field]: message } : undefined, values);
}

export async function bulkOrdersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireMerchant("/console/orders");
  const t = await getTranslations("fulfilment.bulk");
  const ids = [...new Set(formData.getAll("orderId").map(String))].filter(isUuid);
  if (ids.length === 0) return errorState(t("noneSelected"));
  if (ids.length > BULK_MAX) return errorState(t("tooMany", { max: BULK_MAX }));
  if (formData.get("intent") === "print") {
    redirect(`/console/orders/slips?${ids.map((id) => `id=${id}`).join("&")}`);
  }
  const refused: string[] = [];
  let packed = 0;
  // One after the other: each order is its own locked step with its own audit row; a refusal stops nothing else.
  for (const id of ids) {
    const result = await takeFulfilmentStep(actor, id, "pack");
    pathsOf(id);
    if (result.ok) packed += 1;
    else refused.push(t("refusedLine", { number: orderNumber(id), reason: await wordResult(result, "pack", id, "") }));
  }
  revalidatePath("/console/orders");
  const message = [packed > 0 ? t("packed", { count: packed }) : null, ...refused].filter(Boolean).join(" ");
  return packed > 0 && refused.length === 0 ? { status: "success", message } : errorState(message);
}
