ALTER TYPE "public"."email_kind" ADD VALUE 'sign_up_confirmation';--> statement-breakpoint
ALTER TYPE "public"."email_kind" ADD VALUE 'sign_up_existing_account';--> statement-breakpoint
CREATE TABLE "sign_up_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" varchar(320) NOT NULL,
	"first_name" varchar(50) NOT NULL,
	"last_name" varchar(50) NOT NULL,
	"mobile_phone" varchar(20) NOT NULL,
	"locale" varchar(5) NOT NULL,
	"password_hash" text NOT NULL,
	"return_path" text NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_up_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE INDEX "sign_up_requests_expires_at_idx" ON "sign_up_requests" USING btree ("expires_at");