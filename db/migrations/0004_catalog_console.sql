ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'product_create';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'product_update';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'product_picture';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'product_publish';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'product_unpublish';--> statement-breakpoint
ALTER TYPE "public"."merchant_action_kind" ADD VALUE 'product_delete';--> statement-breakpoint
CREATE TABLE "catalog_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_version_one_row" CHECK ("catalog_version"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "merchant_actions" ADD COLUMN "product_id" integer;--> statement-breakpoint
ALTER TABLE "merchant_actions" ADD COLUMN "changes" jsonb;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "merchant_actions_product_idx" ON "merchant_actions" USING btree ("product_id","created_at");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_published_has_picture" CHECK (not "products"."active" or "products"."image_path" <> '');