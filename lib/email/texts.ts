/**
 * Every word of every email, in Bahasa Indonesia and English. A customer's language is `users.locale` ("id" by
 * default); an email is written in the language the customer had when the event happened (email_outbox.locale).
 */

import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/messages";

export interface EmailTexts {
  /** <html lang> and Intl formatting. */
  htmlLang: string;
  greeting: (firstName: string) => string;
  footer: string;
  orderNumber: string;
  item: string;
  quantity: string;
  price: string;
  subtotal: string;
  /** The delivery row of an order's summary: the courier service the customer chose. */
  delivery: (option: string) => string;
  freeDelivery: string;
  total: string;
  viewOrder: string;
  orderConfirmation: {
    subject: (order: string) => string;
    preview: string;
    intro: string;
    paidAt: string;
    paidWith: string;
  };
  paymentProblem: {
    failedSubject: (order: string) => string;
    expiredSubject: (order: string) => string;
    failedIntro: string;
    expiredIntro: string;
    notCharged: string;
    payAgain: string;
  };
  shipped: {
    subject: (order: string) => string;
    preview: string;
    intro: string;
    courier: string;
    resi: string;
    track: string;
  };
  delivered: {
    subject: (order: string) => string;
    preview: string;
    intro: string;
    deliveredAt: string;
    problem: string;
  };
  refund: {
    subject: (order: string) => string;
    preview: string;
    intro: string;
    amount: string;
    timing: string;
  };
  /** A void: the charge was cancelled before settlement. The words about it are the order page's (orders.refund.voided). */
  voided: {
    subject: (order: string) => string;
    preview: string;
  };
  passwordReset: {
    subject: string;
    preview: string;
    intro: string;
    button: string;
    validity: string;
    notYou: string;
    linkFallback: string;
  };
  /** To an address a new account was asked for: the link that finishes it. */
  signUpConfirmation: {
    subject: string;
    preview: string;
    intro: string;
    button: string;
    validity: string;
    notYou: string;
    linkFallback: string;
  };
  /** To the owner of an account whose email someone tried to sign up with. */
  signUpExistingAccount: {
    subject: string;
    preview: string;
    intro: string;
    signInHint: string;
    signIn: string;
    forgotHint: string;
    forgot: string;
    notYou: string;
  };
}

const id: EmailTexts = {
  htmlLang: "id",
  greeting: (firstName) => `Halo ${firstName},`,
  footer: "Toko Nusantara · Email ini dikirim otomatis; balasan ke alamat ini tidak dibaca.",
  orderNumber: "Nomor pesanan",
  item: "Produk",
  quantity: "Jumlah",
  price: "Harga",
  subtotal: "Subtotal",
  delivery: (option) => `Pengiriman: ${option}`,
  freeDelivery: "Gratis",
  total: "Total",
  viewOrder: "Lihat pesanan",
  orderConfirmation: {
    subject: (order) => `Pesanan ${order} sudah dibayar. Terima kasih!`,
    preview: "Pembayaran Anda sudah kami terima.",
    intro: "Pembayaran Anda sudah kami terima. Berikut rincian pesanan Anda.",
    paidAt: "Dibayar pada",
    paidWith: "Dibayar dengan",
  },
  paymentProblem: {
    failedSubject: (order) => `Pembayaran pesanan ${order} tidak berhasil`,
    expiredSubject: (order) => `Tautan pembayaran pesanan ${order} sudah kedaluwarsa`,
    failedIntro: "Pembayaran dengan kartu untuk pesanan Anda tidak berhasil.",
    expiredIntro: "Tautan pembayaran untuk pesanan Anda sudah kedaluwarsa sebelum pembayaran selesai.",
    notCharged: "Kartu Anda tidak ditagih. Pesanan Anda masih tersimpan dan bisa dibayar lagi.",
    payAgain: "Bayar lagi",
  },
  shipped: {
    subject: (order) => `Pesanan ${order} sudah dikirim`,
    preview: "Paket Anda sudah diserahkan ke kurir.",
    intro: "Paket pesanan Anda sudah kami serahkan ke kurir. Anda bisa melacaknya dengan nomor resi di bawah.",
    courier: "Kurir",
    resi: "Nomor resi",
    track: "Lacak paket",
  },
  delivered: {
    subject: (order) => `Pesanan ${order} sudah sampai`,
    preview: "Paket Anda sudah diterima.",
    intro: "Menurut kurir, paket pesanan Anda sudah sampai di alamat tujuan. Selamat menikmati!",
    deliveredAt: "Diterima pada",
    problem: "Jika paket belum Anda terima, periksa perjalanannya dengan nomor resi di halaman pesanan Anda.",
  },
  refund: {
    subject: (order) => `Dana pesanan ${order} sudah dikembalikan`,
    preview: "Kami sudah mengembalikan dana ke kartu Anda.",
    intro: "Kami sudah mengembalikan dana untuk pesanan Anda ke kartu yang Anda gunakan.",
    amount: "Jumlah dikembalikan",
    // One source for how long a refund takes: the order page's words (messages/*/orders.json).
    timing: MESSAGES.id.orders.refund.timing,
  },
  voided: {
    subject: (order) => `Pembayaran pesanan ${order} dibatalkan`,
    preview: "Tagihannya dibatalkan; tidak ada uang yang diambil dari kartu Anda.",
  },
  passwordReset: {
    subject: "Atur ulang kata sandi Toko Nusantara",
    preview: "Tautan untuk membuat kata sandi baru.",
    intro: "Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda. Tekan tombol di bawah untuk membuat kata sandi baru.",
    button: "Buat kata sandi baru",
    validity: "Tautan ini berlaku 30 menit dan hanya bisa dipakai sekali. Setelah kata sandi diganti, semua perangkat lain akan keluar dari akun Anda.",
    notYou: "Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.",
    linkFallback: "Jika tombol tidak berfungsi, salin tautan ini ke browser Anda:",
  },
  signUpConfirmation: {
    subject: "Selesaikan pembuatan akun Toko Nusantara Anda",
    preview: "Buka tautan ini untuk menyelesaikan akun Anda.",
    intro: "Terima kasih telah mendaftar. Untuk menyelesaikan pembuatan akun, buka tautan di bawah dan masukkan kata sandi yang Anda pilih saat mendaftar.",
    button: "Selesaikan akun saya",
    validity: "Tautan ini berlaku 24 jam dan hanya bisa dipakai sekali. Setelah itu Anda langsung masuk dan bisa melanjutkan belanja.",
    notYou: "Jika Anda tidak mendaftar, abaikan email ini: tanpa tautan ini tidak ada akun yang dibuat.",
    linkFallback: "Jika tombol tidak berfungsi, salin tautan ini ke browser Anda:",
  },
  signUpExistingAccount: {
    subject: "Ada yang mencoba membuat akun Toko Nusantara dengan email Anda",
    preview: "Anda sudah punya akun; tidak ada yang berubah.",
    intro: "Seseorang (mungkin Anda sendiri) baru saja mencoba membuat akun baru dengan alamat email ini. Email ini sudah terdaftar, jadi tidak ada akun baru yang dibuat dan akun Anda tidak berubah.",
    signInHint: "Jika itu Anda, masuk saja dengan akun yang sudah ada:",
    signIn: "Masuk",
    forgotHint: "Lupa kata sandi? Buat kata sandi baru di sini:",
    forgot: "Atur ulang kata sandi",
    notYou: "Jika itu bukan Anda, abaikan email ini: akun dan kata sandi Anda tetap aman.",
  },
};

const en: EmailTexts = {
  htmlLang: "en",
  greeting: (firstName) => `Hi ${firstName},`,
  footer: "Toko Nusantara · This email was sent automatically; replies to this address are not read.",
  orderNumber: "Order number",
  item: "Item",
  quantity: "Qty",
  price: "Price",
  subtotal: "Subtotal",
  delivery: (option) => `Delivery: ${option}`,
  freeDelivery: "Free",
  total: "Total",
  viewOrder: "View your order",
  orderConfirmation: {
    subject: (order) => `Order ${order} is paid. Thank you!`,
    preview: "We have received your payment.",
    intro: "We have received your payment. Here is your order.",
    paidAt: "Paid on",
    paidWith: "Paid with",
  },
  paymentProblem: {
    failedSubject: (order) => `The payment for order ${order} did not go through`,
    expiredSubject: (order) => `The payment link for order ${order} has expired`,
    failedIntro: "The card payment for your order did not go through.",
    expiredIntro: "The payment link for your order expired before the payment was made.",
    notCharged: "Your card has not been charged. Your order is kept and you can pay for it again.",
    payAgain: "Pay again",
  },
  shipped: {
    subject: (order) => `Order ${order} is on its way`,
    preview: "Your parcel is with the courier.",
    intro: "We have handed your order to the courier. You can follow it with the tracking number below.",
    courier: "Courier",
    resi: "Tracking number (resi)",
    track: "Track your parcel",
  },
  delivered: {
    subject: (order) => `Order ${order} has been delivered`,
    preview: "Your parcel has arrived.",
    intro: "The courier says your order has been delivered to its address. Enjoy!",
    deliveredAt: "Delivered on",
    problem: "If you have not received the parcel, follow it with its tracking number on your order page.",
  },
  refund: {
    subject: (order) => `Your refund for order ${order}`,
    preview: "We have refunded your card.",
    intro: "We have refunded your order to the card you paid with.",
    amount: "Amount refunded",
    timing: MESSAGES.en.orders.refund.timing,
  },
  voided: {
    subject: (order) => `Your payment for order ${order} was cancelled`,
    preview: "The charge was cancelled; no money was taken from your card.",
  },
  passwordReset: {
    subject: "Reset your Toko Nusantara password",
    preview: "A link to choose a new password.",
    intro: "We received a request to reset the password of your account. Press the button below to choose a new password.",
    button: "Choose a new password",
    validity: "This link works for 30 minutes and only once. Once the password is changed, every other device is signed out of your account.",
    notYou: "If you did not ask for this, ignore this email: your password has not changed.",
    linkFallback: "If the button does not work, copy this link into your browser:",
  },
  signUpConfirmation: {
    subject: "Finish creating your Toko Nusantara account",
    preview: "Open this link to finish your account.",
    intro: "Thank you for signing up. To finish creating your account, open the link below and enter the password you chose when you signed up.",
    button: "Finish my account",
    validity: "This link works for 24 hours and only once. You are then signed in and can carry on shopping.",
    notYou: "If you did not sign up, ignore this email: no account is created without this link.",
    linkFallback: "If the button does not work, copy this link into your browser:",
  },
  signUpExistingAccount: {
    subject: "Someone tried to create a Toko Nusantara account with your email",
    preview: "You already have an account; nothing has changed.",
    intro: "Someone (perhaps you) just tried to create a new account with this email address. It already has an account, so no new account was created and yours has not changed.",
    signInHint: "If it was you, sign in to the account you already have:",
    signIn: "Sign in",
    forgotHint: "Forgot your password? Choose a new one here:",
    forgot: "Reset your password",
    notYou: "If it was not you, ignore this email: your account and password are safe.",
  },
};

export const EMAIL_TEXTS: Record<Locale, EmailTexts> = { id, en };
