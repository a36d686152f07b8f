CREATE TYPE "public"."courier" AS ENUM('jne', 'jnt', 'sicepat');--> statement-breakpoint
CREATE TYPE "public"."fulfilment_status" AS ENUM('unfulfilled', 'packed', 'shipped', 'delivered', 'returned', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'order_shipped';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'order_delivered';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'mark_packed';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'mark_shipped';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'mark_delivered';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'mark_returned';--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fulfilment_status" "fulfilment_status" DEFAULT 'unfulfilled' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "courier" "courier";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tracking_number" varchar(40);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "packed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fulfilment_cancelled_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "orders_fulfilment_created_id_idx" ON "orders" USING btree ("fulfilment_status","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_to_ship_created_id_idx" ON "orders" USING btree ("created_at","id") WHERE "orders"."paid_at" is not null and "orders"."fulfilment_status" in ('unfulfilled', 'packed');--> statement-breakpoint
CREATE UNIQUE INDEX "orders_courier_tracking_unique" ON "orders" USING btree ("courier","tracking_number");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shipped_has_resi" CHECK ("orders"."fulfilment_status" in ('unfulfilled', 'packed', 'cancelled') or ("orders"."courier" is not null and "orders"."tracking_number" is not null));