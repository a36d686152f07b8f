ALTER TYPE "public"."email_kind" ADD VALUE 'void' BEFORE 'password_reset';--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" DROP NOT NULL;