package dev.roundtrip;
public final class Launcher { public static void main(String[] a) { System.out.println("x"); } }
